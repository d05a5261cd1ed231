// Argo CD on the local platform, for `./paved demo` and the end-to-end tests: Debian's Redis
// (installed when missing), then k8s/scripts/argocd.mjs with a fresh read token for the portal's
// embedded git host, which the portal accepts through app-config.demo.yaml.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { capture } from './run.mjs';
import { ensureDebianPackage } from './system-packages.mjs';

/** The git host of a portal started by ./paved (backend.baseUrl of app-config.yaml). */
export const LOCAL_GIT_HOST = 'http://localhost:7007/api/git-host';

/** Starts Argo CD on env's cluster (the local control plane); resolves to { gitToken, ... }. */
export async function startLocalArgocd(env, { gitHost = LOCAL_GIT_HOST } = {}) {
  const redisServer = await ensureDebianPackage('redis-server', 'redis-server');
  // A new token per start: Argo CD's credential and the portal's config get the same one.
  const gitToken = randomBytes(24).toString('hex');
  const out = await capture(
    'node',
    [
      path.join(repoRoot, 'k8s/scripts/argocd.mjs'),
      'up',
      '--git-host',
      gitHost,
    ],
    {
      cwd: repoRoot,
      env: {
        ...env,
        REDIS_SERVER: redisServer,
        PAVED_ARGOCD_GIT_TOKEN: gitToken,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (out === undefined)
    throw new Error('k8s/scripts/argocd.mjs up failed (its output is above)');
  return { gitToken, ...JSON.parse(out.trim().split('\n').pop()) };
}
