// The Kubernetes API server the integration tests use: $KUBECONFIG when set, else the local
// control plane (k8s/), built once per machine and started here. Where neither is possible the
// tests skip with a loud line, except in CI (PAVED_REQUIRE_KUBERNETES=1), where that fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { capture, run } from './run.mjs';

function upLocalControlPlane(env) {
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
export async function kubernetesForTests(env) {
  if (env.KUBECONFIG)
    return { kubeconfig: env.KUBECONFIG, stop: async () => {} };
  try {
    const kubeconfig = await upLocalControlPlane(env);
    return {
      kubeconfig,
      stop: () =>
        run('node', [path.join(repoRoot, 'k8s/scripts/down.mjs')], { env }),
    };
  } catch (error) {
    if (env.PAVED_REQUIRE_KUBERNETES === '1') throw error;
    console.warn(
      `\n!!! No Kubernetes API server: ${error.message}. The Kubernetes integration tests ` +
        'will SKIP. Install Go (to build the local control plane) or set KUBECONFIG.\n',
    );
    return { kubeconfig: undefined, stop: async () => {} };
  }
}
