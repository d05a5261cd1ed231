// The Argo CD processes of a local control plane's state dir (Redis, repo server, application
// controller): their files, and stopping them. No npm dependencies, so down.mjs can use it.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { stopPid } from './processes.mjs';
import { livePid, statePaths } from './state.mjs';

/** Files of the Argo CD plane in the control plane's state dir. */
export function argocdPaths(p = statePaths()) {
  const dir = join(p.dir, 'argocd');
  const proc = name => ({
    pid: join(p.run, `${name}.pid`),
    log: join(p.logs, `${name}.log`),
  });
  return {
    dir,
    ports: join(p.run, 'argocd-ports.json'),
    kubeconfig: join(dir, 'controller.kubeconfig'),
    tmp: join(dir, 'tmp'),
    tls: join(dir, 'tls'),
    ssh: join(dir, 'ssh'),
    askPassSocket: join(dir, 'reposerver-ask-pass.sock'),
    processes: {
      'redis-server': proc('redis-server'),
      'argocd-repo-server': proc('argocd-repo-server'),
      'argocd-application-controller': proc('argocd-application-controller'),
    },
  };
}

/** Pids of the running Argo CD processes (null when not running). */
export function argocdPids(a = argocdPaths()) {
  return Object.fromEntries(
    Object.entries(a.processes).map(([name, f]) => [
      name,
      livePid(f.pid, name),
    ]),
  );
}

/** Stops Argo CD's processes, controller first. */
export async function stopArgocdProcesses(a) {
  for (const [name, f] of Object.entries(a.processes).reverse()) {
    await stopPid(livePid(f.pid, name), name, 10_000);
    rmSync(f.pid, { force: true });
  }
}
