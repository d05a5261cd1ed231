// The Kubernetes API server the integration tests use: $KUBECONFIG when set, else a local
// control plane of its own (k8s/, built once per machine) with an empty etcd, purged afterwards,
// so tests never leave their objects in the demo cluster of `./paved demo`. Where no API server can be had the tests skip
// with a loud line, except in CI (PAVED_REQUIRE_KUBERNETES=1), where that fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot, stateDir } from './paths.mjs';
import { run } from './run.mjs';

const downScript = path.join(repoRoot, 'k8s/scripts/down.mjs');

/** Starts (or finds running) the local control plane of env's PAVED_K8S_DIR; resolves to its kubeconfig. */
export function upLocalControlPlane(env) {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn('node', [path.join(repoRoot, 'k8s/scripts/up.mjs')], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', chunk => (out += chunk));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(out.trim().split('\n').pop())
        : reject(new Error(`k8s/scripts/up.mjs failed (exit code ${code})`)),
    );
  });
}

/**
 * Returns { kubeconfig, stop } for the tests; kubeconfig is undefined when no API server can
 * be had and CI does not require one.
 */
export async function kubernetesForTests(baseEnv) {
  if (baseEnv.KUBECONFIG) {
    return { kubeconfig: baseEnv.KUBECONFIG, stop: async () => {} };
  }
  const env = { ...baseEnv, PAVED_K8S_DIR: path.join(stateDir, 'k8s-test') };
  const purge = () =>
    run('node', [downScript, '--purge'], { cwd: repoRoot, env });
  try {
    await purge();
    const kubeconfig = await upLocalControlPlane(env);
    return { kubeconfig, stop: purge };
  } catch (error) {
    if (env.PAVED_REQUIRE_KUBERNETES === '1') throw error;
    console.warn(
      `\n!!! No Kubernetes API server: ${error.message}. The Kubernetes integration tests ` +
        'will SKIP. Install Go (to build the local control plane) or set KUBECONFIG.\n',
    );
    return { kubeconfig: undefined, stop: async () => {} };
  }
}
