// The browser tests on the local platform (playwright.platform.config.ts): a control plane of their
// own with its controllers, KWOK's nodes and Argo CD, purged before and after, and the portal with
// app-config.demo.yaml on it. Create must end in Pods Running and an Application Argo CD synced, in
// both delivery modes: gitops (committed to the embedded git host's GitOps repository) and
// kubernetes (applied to the cluster with the chart's rules for that mode).
import path from 'node:path';
import { repoRoot, stateDir } from './paths.mjs';
import { run } from './run.mjs';
import { yarn } from './yarn.mjs';
import { startLocalPlatform } from './localPlatform.mjs';

const downScript = path.join(repoRoot, 'k8s/scripts/down.mjs');

export async function platformEndToEnd(baseEnv, { chromium }) {
  const { KUBECONFIG: _ignored, ...rest } = baseEnv;
  const env = { ...rest, PAVED_K8S_DIR: path.join(stateDir, 'k8s-e2e') };
  const purge = () =>
    run('node', [downScript, '--purge'], { cwd: repoRoot, env });
  await purge();
  try {
    const { portalEnv } = await startLocalPlatform(env, {
      seed: false,
      kubernetesDelivery: true,
    });
    for (const mode of ['gitops', 'kubernetes'])
      await yarn(
        ['playwright', 'test', '-c', 'playwright.platform.config.ts'],
        {
          ...env,
          ...portalEnv,
          PAVED_CHROMIUM: chromium,
          PAVED_DELIVERY_MODE: mode,
        },
      );
  } finally {
    await purge();
  }
}
