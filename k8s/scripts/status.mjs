#!/usr/bin/env node
// Shows whether the local control plane and its workload plane run: pids, ports, memory, readiness,
// versions, last start time.
// Exit code 0 when ready, 3 when stopped or not ready.
//
//   node k8s/scripts/status.mjs [--json]
import { inspect, rssMB } from './lib/control.mjs';
import { readVersions } from './lib/common.mjs';
import { readJson } from './lib/state.mjs';
import { cachedBinaries } from './build.mjs';
import { argocdPaths, argocdPids } from './lib/argocd-processes.mjs';

const s = await inspect();
const versions = readVersions();
const info = {
  ready: s.ready,
  stateDir: s.p.dir,
  kubeconfig: s.kubeconfig,
  server: s.ports ? `https://127.0.0.1:${s.ports.apiserver}` : null,
  versions,
  binaries: cachedBinaries(versions),
  kubeApiserver: s.apiserverPid
    ? {
        pid: s.apiserverPid,
        rssMB: rssMB(s.apiserverPid),
        log: s.p.apiserverLog,
      }
    : null,
  etcd: s.etcdPid
    ? {
        pid: s.etcdPid,
        rssMB: rssMB(s.etcdPid),
        port: s.ports?.etcd,
        log: s.p.etcdLog,
      }
    : null,
  workloadPlane: Object.fromEntries(
    Object.entries(s.workloadPids).map(([name, pid]) => [
      name,
      pid ? { pid, rssMB: rssMB(pid), log: s.p.workload[name].log } : null,
    ]),
  ),
  // Argo CD runs only where k8s/scripts/argocd.mjs started it (./paved demo, bench, the tests).
  argocd: Object.fromEntries(
    Object.entries(argocdPids(argocdPaths(s.p))).map(([name, pid]) => [
      name,
      pid ? { pid, rssMB: rssMB(pid) } : null,
    ]),
  ),
  argocdPorts: readJson(argocdPaths(s.p).ports, null),
  lastStart: readJson(s.p.lastStart, null),
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(info, null, 2));
} else {
  console.log(
    `local control plane: ${
      s.ready
        ? 'READY'
        : s.apiserverPid || s.etcdPid
        ? 'RUNNING, NOT READY'
        : 'STOPPED'
    }`,
  );
  console.log(
    `  versions       Kubernetes ${versions.kubernetes}, etcd ${
      versions.etcd
    }, kwok ${versions.kwok} (${info.binaries ? 'built' : 'not built yet'})`,
  );
  if (info.kubeApiserver)
    console.log(
      `  kube-apiserver pid ${info.kubeApiserver.pid}, ${info.kubeApiserver.rssMB} MB RSS, ${info.server}`,
    );
  if (info.etcd)
    console.log(
      `  etcd           pid ${info.etcd.pid}, ${info.etcd.rssMB} MB RSS, http://127.0.0.1:${info.etcd.port}`,
    );
  for (const [name, proc] of Object.entries(info.workloadPlane))
    console.log(
      `  ${name.padEnd(14)} ${
        proc ? `pid ${proc.pid}, ${proc.rssMB} MB RSS` : 'NOT RUNNING'
      }`,
    );
  const argocdRunning = Object.values(info.argocd).filter(Boolean);
  if (argocdRunning.length === 0)
    console.log(
      '  Argo CD        not running (node k8s/scripts/argocd.mjs up)',
    );
  for (const [name, proc] of Object.entries(info.argocd))
    if (proc)
      console.log(
        `  ${name.padEnd(14)} pid ${proc.pid}, ${proc.rssMB} MB RSS${
          name === 'argocd-repo-server' && info.argocdPorts
            ? `, 127.0.0.1:${info.argocdPorts.repoServer}`
            : ''
        }${
          name === 'redis-server' && info.argocdPorts
            ? `, 127.0.0.1:${info.argocdPorts.redis}`
            : ''
        }`,
      );
  if (info.kubeconfig) console.log(`  kubeconfig     ${info.kubeconfig}`);
  if (info.lastStart)
    console.log(
      `  last start     ${info.lastStart.startedAt}: ready in ${info.lastStart.apiserverReadyMs} ms, platform applied in ${info.lastStart.platformAppliedMs} ms`,
    );
  console.log(`  state dir      ${info.stateDir}`);
}
process.exit(s.ready ? 0 : 3);
