// The browser tests on the local platform (playwright.platform.config.ts): a control plane of their
// own with its controllers, KWOK's nodes and Argo CD, purged before and after, and the portal with
// app-config.demo.yaml on it. Create must end in Pods Running and an Application Argo CD synced.
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
    const { portalEnv } = await startLocalPlatform(env, { seed: false });
    await yarn(['playwright', 'test', '-c', 'playwright.platform.config.ts'], {
      ...env,
      ...portalEnv,
      PAVED_CHROMIUM: chromium,
    });
  } finally {
    await purge();
  }
}
