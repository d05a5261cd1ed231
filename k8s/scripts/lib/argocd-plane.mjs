// Argo CD on the local platform: Redis (Debian's), Argo CD's repo server and application controller
// (the release built by build-argocd.mjs) as plain processes, installed into the `argocd` namespace
// with the release's own RBAC, the controller authenticating as its ServiceAccount. The controller
// treats the cluster it runs against as "in-cluster" (https://kubernetes.default.svc), as it does
// inside a Pod.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ensureArgocdBuilt } from '../build-argocd.mjs';
import {
  formatDuration,
  log,
  pidAlive,
  readVersions,
  sleep,
} from './common.mjs';
import { kubeClient } from './kube-client.mjs';
import { startDetached, tail } from './processes.mjs';
import {
  argocdPaths,
  argocdPids,
  stopArgocdProcesses,
} from './argocd-processes.mjs';
import {
  freePort,
  readJson,
  statePaths,
  withLock,
  writeFileAtomic,
} from './state.mjs';

export const ARGOCD_NAMESPACE = 'argocd';
const CONTROLLER_ACCOUNT = 'argocd-application-controller';
const FIELD_MANAGER = 'paved-argocd';
const TOKEN_SECONDS = 30 * 24 * 3600;
const READY_TIMEOUT_MS = 60_000;

/** The release's RBAC for the application controller (namespaced Role and cluster-wide ClusterRole). */
function releaseRbac(manifestsDir) {
  const docs = [];
  for (const file of readdirSync(manifestsDir).sort()) {
    if (!file.endsWith('.yaml')) continue;
    for (const doc of parseAllDocuments(
      readFileSync(join(manifestsDir, file), 'utf8'),
    )) {
      const object = doc.toJS();
      if (!object?.kind || object.kind === 'Kustomization') continue;
      if (!['ClusterRole', 'ClusterRoleBinding'].includes(object.kind))
        object.metadata.namespace = ARGOCD_NAMESPACE;
      // Kustomize sets the namespace of the bindings' subjects in Argo CD's install.
      for (const subject of object.subjects ?? [])
        if (subject.kind === 'ServiceAccount')
          subject.namespace = ARGOCD_NAMESPACE;
      docs.push(object);
    }
  }
  return docs;
}

/** argocd-cm, argocd-secret and the default AppProject: what `kubectl apply -f install.yaml` and
 * argocd-server would have created. */
function configObjects(secretKey) {
  const labels = name => ({
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': 'argocd',
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ARGOCD_NAMESPACE,
        labels: { 'app.kubernetes.io/part-of': 'argocd' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'argocd-cm',
        namespace: ARGOCD_NAMESPACE,
        labels: labels('argocd-cm'),
      },
      data: {
        // Track what an Application owns by annotation (Argo CD 3.x's default), like the seed does.
        'application.resourceTrackingMethod': 'annotation',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'argocd-secret',
        namespace: ARGOCD_NAMESPACE,
        labels: labels('argocd-secret'),
      },
      type: 'Opaque',
      stringData: { 'server.secretkey': secretKey },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'default', namespace: ARGOCD_NAMESPACE },
      spec: {
        sourceRepos: ['*'],
        destinations: [{ server: '*', namespace: '*' }],
        clusterResourceWhitelist: [{ group: '*', kind: '*' }],
      },
    },
  ];
}

/** A kubeconfig for the controller's ServiceAccount, with a TokenRequest token (no Secret stored). */
async function controllerKubeconfig(client) {
  const review = await client.request(
    'POST',
    `/api/v1/namespaces/${ARGOCD_NAMESPACE}/serviceaccounts/${CONTROLLER_ACCOUNT}/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: TOKEN_SECONDS },
      },
    },
  );
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'paved-local',
        cluster: {
          server: client.server,
          'certificate-authority-data': Buffer.from(client.caData).toString(
            'base64',
          ),
        },
      },
    ],
    users: [{ name: CONTROLLER_ACCOUNT, user: { token: review.status.token } }],
    contexts: [
      {
        name: 'argocd',
        context: {
          cluster: 'paved-local',
          user: CONTROLLER_ACCOUNT,
          namespace: ARGOCD_NAMESPACE,
        },
      },
    ],
    'current-context': 'argocd',
  });
}

async function pickPorts(file) {
  const saved = readJson(file, {});
  const ports = {};
  for (const key of [
    'redis',
    'repoServer',
    'repoServerMetrics',
    'controllerMetrics',
  ])
    ports[key] = saved[key] ?? (await freePort());
  writeFileAtomic(file, `${JSON.stringify(ports, null, 2)}\n`, 0o644);
  return ports;
}

function tcpOpen(port) {
  return import('node:net').then(
    ({ connect }) =>
      new Promise(resolve => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
  );
}

async function waitListening(name, pid, port, logFile) {
  const t0 = Date.now();
  while (!(await tcpOpen(port))) {
    if (!pidAlive(pid))
      throw new Error(
        `${name} exited during start; see ${logFile}:\n${tail(logFile)}`,
      );
    if (Date.now() - t0 > READY_TIMEOUT_MS)
      throw new Error(
        `${name} not listening on 127.0.0.1:${port} after 60 s; see ${logFile}`,
      );
    await sleep(100);
  }
}

/**
 * Starts Argo CD on the running local control plane (idempotent: a running, complete Argo CD is left
 * as it is). `redisServer` is the path of Debian's redis-server. Returns { ports, pids }.
 */
export async function startArgocd({ redisServer, kubeconfig }) {
  const p = statePaths();
  const a = argocdPaths(p);
  const bins = await ensureArgocdBuilt();
  return withLock(
    join(p.run, 'argocd.lock'),
    async () => {
      const running = argocdPids(a);
      if (Object.values(running).every(Boolean)) {
        log('Argo CD is already running');
        return { ports: readJson(a.ports, null), pids: running };
      }
      await stopArgocdProcesses(a);
      for (const d of [a.dir, a.tmp, a.tls, a.ssh])
        mkdirSync(d, { recursive: true, mode: 0o700 });
      const client = await kubeClient(kubeconfig);
      try {
        const secretFile = join(a.dir, 'server.secretkey');
        if (!existsSync(secretFile))
          writeFileAtomic(secretFile, randomBytes(32).toString('hex'));
        const objects = [
          ...configObjects(readFileSync(secretFile, 'utf8')),
          ...releaseRbac(bins.manifests),
        ];
        for (const object of objects)
          await client.apply(object, { fieldManager: FIELD_MANAGER });
        writeFileAtomic(a.kubeconfig, await controllerKubeconfig(client));
      } finally {
        client.close();
      }
      const ports = await pickPorts(a.ports);
      const versions = readVersions();
      const t0 = Date.now();
      const pids = {};
      const start = (name, bin, args, env) => {
        const f = a.processes[name];
        pids[name] = startDetached(bin, args, f.log, f.pid, {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        });
        log(`started ${name} (pid ${pids[name]})`);
        return f;
      };
      const redis = start('redis-server', redisServer, [
        '--bind',
        '127.0.0.1',
        '--port',
        String(ports.redis),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        a.dir,
        '--logfile',
        '',
        // Redis rewrites its process title by default; the pid check reads the binary's path.
        '--set-proc-title',
        'no',
      ]);
      await waitListening(
        'redis-server',
        pids['redis-server'],
        ports.redis,
        redis.log,
      );
      const common = {
        ARGOCD_TLS_DATA_PATH: a.tls,
        ARGOCD_SSH_DATA_PATH: a.ssh,
        ARGOCD_GPG_ENABLED: 'false',
      };
      const repo = start(
        'argocd-repo-server',
        bins['argocd-repo-server'],
        [
          '--address',
          '127.0.0.1',
          '--port',
          String(ports.repoServer),
          '--metrics-address',
          '127.0.0.1',
          '--metrics-port',
          String(ports.repoServerMetrics),
          '--redis',
          `127.0.0.1:${ports.redis}`,
          // Plain gRPC on loopback; its default client CA path would contradict that.
          '--disable-tls',
          '--client-ca-path',
          '',
          '--logformat',
          'text',
        ],
        {
          ...common,
          // git asks `argocd` for credentials (GIT_ASKPASS); the repo server runs `kustomize`.
          PATH: [bins.bin, process.env.PATH].join(':'),
          TMPDIR: a.tmp,
          ARGOCD_ASK_PASS_SOCK: a.askPassSocket,
        },
      );
      await waitListening(
        'argocd-repo-server',
        pids['argocd-repo-server'],
        ports.repoServer,
        repo.log,
      );
      const controller = start(
        'argocd-application-controller',
        bins['argocd-application-controller'],
        [
          '--namespace',
          ARGOCD_NAMESPACE,
          '--repo-server',
          `127.0.0.1:${ports.repoServer}`,
          '--repo-server-plaintext',
          '--redis',
          `127.0.0.1:${ports.redis}`,
          '--metrics-port',
          String(ports.controllerMetrics),
          '--status-processors',
          '4',
          '--operation-processors',
          '2',
          '--logformat',
          'text',
        ],
        {
          ...common,
          KUBECONFIG: a.kubeconfig,
          // "in-cluster" is the kubeconfig's cluster, as it would be the Pod's own.
          ARGOCD_FAKE_IN_CLUSTER: 'true',
        },
      );
      await waitListening(
        'argocd-application-controller',
        pids['argocd-application-controller'],
        ports.controllerMetrics,
        controller.log,
      );
      log(
        `Argo CD ${versions.argocd} running in ${formatDuration(
          Date.now() - t0,
        )}: repo server 127.0.0.1:${ports.repoServer}, Redis 127.0.0.1:${
          ports.redis
        }, ` +
          `application controller (metrics 127.0.0.1:${ports.controllerMetrics}); logs in ${p.logs}`,
      );
      return { ports, pids };
    },
    { what: 'another Argo CD start or stop' },
  );
}

/** Stops Argo CD's processes (the cluster objects stay). */
export async function stopArgocd() {
  const p = statePaths();
  if (!existsSync(p.run)) return;
  await withLock(
    join(p.run, 'argocd.lock'),
    () => stopArgocdProcesses(argocdPaths(p)),
    {
      what: 'another Argo CD start or stop',
    },
  );
}
