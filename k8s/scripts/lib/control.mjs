// Start, stop and inspect the local control plane (etcd + kube-apiserver on loopback) and its workload
// plane (kube-controller-manager, kube-scheduler, KWOK's fake nodes).
// Used by up.mjs, down.mjs and status.mjs; importable by test helpers: `await up()` returns the kubeconfig path.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { relative } from 'node:path';
import { cachedBinaries, ensureBuilt } from '../build.mjs';
import {
  binDir,
  formatDuration,
  log,
  pidAlive,
  pidCmdline,
  readVersions,
  repoRoot,
  sleep,
} from './common.mjs';
import { applyPlatform, platformHash } from './apply.mjs';
import { startDetached, stopPid, tail } from './processes.mjs';
import { argocdPaths, stopArgocdProcesses } from './argocd-processes.mjs';
import {
  FAKE_NODES,
  applyFakeNodes,
  controllerManagerArgs,
  kwokArgs,
  readyFakeNodes,
  schedulerArgs,
} from './workload-plane.mjs';
import {
  apiClient,
  ensureStateDir,
  freePort,
  generatePki,
  kubeconfigYaml,
  livePid,
  MARKER,
  pkiComplete,
  portFree,
  readJson,
  readyz,
  rssMB,
  statePaths,
  withLock,
  writeFileAtomic,
} from './state.mjs';

export const SERVICE_CIDR = '10.96.0.0/12';
export const SA_ISSUER = 'https://kubernetes.default.svc.cluster.local';
// Admission plugins that only make sense with controllers running:
//  - ServiceAccount: rejects every Pod until a "default" ServiceAccount exists in its namespace, which
//    only the service-account controller (kube-controller-manager) creates.
//  - StorageObjectInUseProtection: adds finalizers to PVCs/PVs that only a controller removes, so
//    deleting a PVC would hang in Terminating.
export const DISABLED_ADMISSION = [
  'ServiceAccount',
  'StorageObjectInUseProtection',
];

const READY_TIMEOUT_MS = Number(
  process.env.PAVED_K8S_READY_TIMEOUT_MS || 60000,
);

export function etcdArgs(p, ports) {
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  const client = `http://127.0.0.1:${ports.etcd}`;
  return [
    '--name=paved',
    `--data-dir=${p.etcdData}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=paved=${peer}`,
    '--initial-cluster-state=new',
    // A throwaway development store: skip fsync like envtest does (only an OS crash could lose writes).
    '--unsafe-no-fsync=true',
    '--log-level=warn',
  ];
}

export function apiserverArgs(p, ports) {
  return [
    `--etcd-servers=http://127.0.0.1:${ports.etcd}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    // The endpoint reconciler refuses a loopback address for the `kubernetes` Service's endpoints;
    // nothing in-cluster would use them (no pods run), so leave that Service without endpoints.
    '--endpoint-reconciler-type=none',
    `--secure-port=${ports.apiserver}`,
    `--tls-cert-file=${p.serverCrt}`,
    `--tls-private-key-file=${p.serverKey}`,
    `--client-ca-file=${p.caCrt}`,
    '--authorization-mode=RBAC',
    `--service-account-issuer=${SA_ISSUER}`,
    `--service-account-key-file=${p.saPub}`,
    `--service-account-signing-key-file=${p.saKey}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    `--disable-admission-plugins=${DISABLED_ADMISSION.join(',')}`,
    '--allow-privileged=true',
    '--profiling=false',
  ];
}

function etcdHealthy(port) {
  return new Promise(resolve => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/health', timeout: 1000 },
      res => {
        let d = '';
        res.on('data', c => {
          d += c;
        });
        res.on('end', () =>
          resolve(res.statusCode === 200 && /"health":\s*"true"/.test(d)),
        );
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function pickPorts(p) {
  const saved = readJson(p.ports, {});
  const out = {};
  for (const key of ['apiserver', 'etcd', 'etcdPeer']) {
    const envPort =
      key === 'apiserver' ? Number(process.env.PAVED_K8S_PORT || 0) : 0;
    const wanted = envPort || saved[key];
    out[key] = wanted && (await portFree(wanted)) ? wanted : await freePort();
    if (envPort && out[key] !== envPort)
      throw new Error(`PAVED_K8S_PORT=${envPort} is in use`);
  }
  return out;
}

/** Current state: pids (if alive and ours), ports, health. */
export async function inspect(p = statePaths()) {
  const ports = readJson(p.ports, null);
  const etcdPid = livePid(p.etcdPid, 'etcd');
  const apiserverPid = livePid(p.apiserverPid, 'kube-apiserver');
  const workloadPids = Object.fromEntries(
    Object.entries(p.workload).map(([name, f]) => [name, livePid(f.pid, name)]),
  );
  const ready = Boolean(
    apiserverPid &&
      ports &&
      pkiComplete(p) &&
      (await readyz(p, ports.apiserver)),
  );
  // Running binaries from another version's cache folder (versions.json changed since the start)?
  const expected = binDir();
  const outdated = [apiserverPid, etcdPid, ...Object.values(workloadPids)].some(
    pid =>
      pid && !(pidCmdline(pid)?.[0] || expected).startsWith(`${expected}/`),
  );
  return {
    p,
    ports,
    etcdPid,
    apiserverPid,
    workloadPids,
    workloadRunning: Object.values(workloadPids).every(Boolean),
    ready,
    outdated,
    kubeconfig: existsSync(p.kubeconfig) ? p.kubeconfig : null,
  };
}

/** Stops Argo CD (if it runs here) and the workload plane, then kube-apiserver (it shuts down
 * gracefully only while etcd is still up), then etcd. */
async function stopLocked(p) {
  await stopArgocdProcesses(argocdPaths(p));
  await stopWorkloadPlane(p);
  const apiserverPid = livePid(p.apiserverPid, 'kube-apiserver');
  const etcdPid = livePid(p.etcdPid, 'etcd');
  if (!apiserverPid && !etcdPid) log('control plane is not running');
  await stopPid(
    apiserverPid,
    'kube-apiserver',
    Number(process.env.PAVED_K8S_STOP_GRACE_MS || 20000),
  );
  await stopPid(etcdPid, 'etcd', 10000);
  rmSync(p.apiserverPid, { force: true });
  rmSync(p.etcdPid, { force: true });
}

async function stopWorkloadPlane(p) {
  for (const [name, f] of Object.entries(p.workload).reverse()) {
    await stopPid(livePid(f.pid, name), name, 10000);
    rmSync(f.pid, { force: true });
  }
}

export async function down({ purge = false } = {}) {
  const p = statePaths();
  if (!existsSync(p.dir)) {
    log(`nothing to stop (${p.dir} does not exist)`);
    return;
  }
  await withLock(p.lock, () => stopLocked(p), { what: 'another up/down' });
  if (purge) {
    if (!existsSync(p.marker))
      throw new Error(
        `refusing to delete ${p.dir}: it has no ${MARKER} file, so it is not a state dir made by up.mjs`,
      );
    rmSync(p.dir, { recursive: true, force: true });
    log(`deleted ${p.dir}`);
  }
}

/** Ensures the control plane runs and is ready; returns the admin kubeconfig path. */
export async function up() {
  const p = statePaths();
  ensureStateDir(p);
  // Build outside the state lock: a first build takes minutes, and build.mjs has its own lock.
  if (!cachedBinaries()) await ensureBuilt();
  return withLock(
    p.lock,
    async () => {
      const state = await inspect(p);
      if (state.outdated)
        log(
          `running binaries are not the pinned ${
            readVersions().kubernetes
          }/etcd ${readVersions().etcd} build: restarting`,
        );
      if (
        state.ready &&
        state.etcdPid &&
        !state.outdated &&
        existsSync(p.kubeconfig)
      ) {
        const hash = platformHash();
        if (readFileSyncSafe(p.crdHash) !== hash) {
          log('platform/ changed since the last start: applying it');
          await applyPlatform(apiClient(p, state.ports.apiserver));
          writeFileAtomic(p.crdHash, hash, 0o644);
        }
        if (!state.workloadRunning) {
          log('the workload plane is not (fully) running: starting it');
          await stopWorkloadPlane(p);
          await startWorkloadPlane(
            p,
            await ensureBuilt(),
            apiClient(p, state.ports.apiserver),
          );
        }
        log(
          `already running: kube-apiserver pid ${state.apiserverPid} on https://127.0.0.1:${state.ports.apiserver}, etcd pid ${state.etcdPid}`,
        );
        return p.kubeconfig;
      }
      if (state.apiserverPid || state.etcdPid) {
        log('control plane is partly running or unhealthy: restarting it');
        await stopLocked(p);
      }

      const bins = await ensureBuilt();
      if (!pkiComplete(p)) {
        log(
          'generating CA, serving certificate, service-account key pair and admin client certificate',
        );
        await generatePki(p);
        rmSync(p.kubeconfig, { force: true });
      }
      const ports = await pickPorts(p);
      writeFileAtomic(p.ports, JSON.stringify(ports, null, 2) + '\n', 0o644);
      const versions = readVersions();

      const t0 = Date.now();
      try {
        return await startLocked(p, bins, ports, versions, t0);
      } catch (e) {
        log('start failed: stopping what was started (logs are kept)');
        await stopLocked(p);
        throw e;
      }
    },
    { what: 'another up/down' },
  );
}

async function startLocked(p, bins, ports, versions, t0) {
  const etcdPid = startDetached(
    bins.etcd,
    etcdArgs(p, ports),
    p.etcdLog,
    p.etcdPid,
  );
  log(
    `started etcd ${versions.etcd} (pid ${etcdPid}) on 127.0.0.1:${ports.etcd}`,
  );
  while (!(await etcdHealthy(ports.etcd))) {
    if (!pidAlive(etcdPid))
      throw new Error(
        `etcd exited during start; see ${p.etcdLog}:\n${tail(p.etcdLog)}`,
      );
    if (Date.now() - t0 > READY_TIMEOUT_MS)
      throw new Error(
        `etcd not healthy after ${READY_TIMEOUT_MS / 1000} s; see ${p.etcdLog}`,
      );
    await sleep(100);
  }
  const tEtcd = Date.now();

  const apiPid = startDetached(
    bins['kube-apiserver'],
    apiserverArgs(p, ports),
    p.apiserverLog,
    p.apiserverPid,
  );
  log(
    `started kube-apiserver ${versions.kubernetes} (pid ${apiPid}) on https://127.0.0.1:${ports.apiserver}; waiting for /readyz`,
  );
  while (!(await readyz(p, ports.apiserver))) {
    if (!pidAlive(apiPid)) {
      throw new Error(
        `kube-apiserver exited during start; see ${p.apiserverLog}:\n${tail(
          p.apiserverLog,
        )}`,
      );
    }
    if (Date.now() - tEtcd > READY_TIMEOUT_MS) {
      let detail = '';
      try {
        detail = (await apiClient(p, ports.apiserver)('GET', '/readyz?verbose'))
          .text;
      } catch {
        /* not answering */
      }
      throw new Error(
        `kube-apiserver not ready after ${READY_TIMEOUT_MS / 1000} s; ` +
          `see ${p.apiserverLog}\n${detail || tail(p.apiserverLog)}`,
      );
    }
    await sleep(100);
  }
  const tReady = Date.now();
  log(
    `kube-apiserver ready ${formatDuration(
      tReady - t0,
    )} after start (etcd ${formatDuration(
      tEtcd - t0,
    )}, apiserver ${formatDuration(tReady - tEtcd)})`,
  );

  writeFileAtomic(p.kubeconfig, kubeconfigYaml(p, ports.apiserver));
  const api = apiClient(p, ports.apiserver);
  await applyPlatform(api);
  writeFileAtomic(p.crdHash, platformHash(), 0o644);
  const tPlatform = Date.now();
  await startWorkloadPlane(p, bins, api);
  const tDone = Date.now();
  const timings = {
    startedAt: new Date(t0).toISOString(),
    etcdHealthyMs: tEtcd - t0,
    apiserverReadyMs: tReady - t0,
    platformAppliedMs: tPlatform - t0,
    nodesReadyMs: tDone - t0,
    versions,
    ports,
  };
  writeFileAtomic(p.lastStart, JSON.stringify(timings, null, 2) + '\n', 0o644);
  log(
    `control plane ready with platform CRDs and ${
      FAKE_NODES.length
    } Ready nodes in ${formatDuration(tDone - t0)} (state: ${
      relative(process.cwd(), p.dir) || '.'
    })`,
  );
  return p.kubeconfig;
}

/** Starts kube-controller-manager, kube-scheduler and KWOK, registers the fake nodes and waits
 * until KWOK reports them Ready (so a Pod created next is scheduled at once). */
async function startWorkloadPlane(p, bins, api) {
  const args = {
    'kube-controller-manager': controllerManagerArgs(p),
    'kube-scheduler': schedulerArgs(p),
    kwok: kwokArgs(p, bins.kwokStages),
  };
  const pids = {};
  for (const [name, f] of Object.entries(p.workload)) {
    pids[name] = startDetached(bins[name], args[name], f.log, f.pid);
    log(`started ${name} (pid ${pids[name]})`);
  }
  await applyFakeNodes(api);
  const t0 = Date.now();
  for (;;) {
    const ready = await readyFakeNodes(api);
    if (ready.length === FAKE_NODES.length) break;
    for (const [name, f] of Object.entries(p.workload)) {
      if (!pidAlive(pids[name]))
        throw new Error(
          `${name} exited during start; see ${f.log}:\n${tail(f.log)}`,
        );
    }
    if (Date.now() - t0 > READY_TIMEOUT_MS)
      throw new Error(
        `only ${ready.length} of ${FAKE_NODES.length} fake nodes Ready after ${
          READY_TIMEOUT_MS / 1000
        } s; see ${p.workload.kwok.log}`,
      );
    await sleep(200);
  }
  log(
    `${FAKE_NODES.length} KWOK nodes Ready in ${formatDuration(
      Date.now() - t0,
    )}: ${FAKE_NODES.map(n => n.name).join(', ')}`,
  );
}

function readFileSyncSafe(f) {
  try {
    return readFileSync(f, 'utf8').trim();
  } catch {
    return null;
  }
}

export { rssMB };
