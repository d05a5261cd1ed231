// The local platform a portal runs on in `./paved demo` and the platform end-to-end tests: the
// control plane with its workload plane (k8s/), optionally the demo state, the portal's own
// ServiceAccount and token, and Argo CD syncing the embedded git host. Resolves to the environment
// variables app-config.demo.yaml reads.
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { capture, run, step } from './run.mjs';
import { upLocalControlPlane } from './kubernetes.mjs';
import { startLocalArgocd } from './argocd.mjs';

/** Runs one of the k8s/ scripts with `node`; returns its stdout (its progress goes to stderr). */
async function nodeScript(script, env, args = []) {
  const out = await capture('node', [path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out === undefined)
    throw new Error(`node ${script} failed (its output is above)`);
  return out;
}

/**
 * `kubernetesDelivery`: the portal's account also gets the golden path's writes (the chart's rules
 * for paved.goldenPath.delivery.mode=kubernetes).
 */
export async function startLocalPlatform(
  env,
  { seed = true, gitHost, kubernetesDelivery = false } = {},
) {
  const kubeconfig = await step(
    'Kubernetes: the local control plane, controllers and KWOK nodes (unless KUBECONFIG is set)',
    async () => env.KUBECONFIG || (await upLocalControlPlane(env)),
  );
  const clusterEnv = { ...env, KUBECONFIG: kubeconfig };
  if (seed)
    await step(
      'Demo state: services, Argo CD applications, claims (k8s:seed)',
      () =>
        run('node', [path.join(repoRoot, 'k8s/seed/seed.mjs')], {
          cwd: repoRoot,
          env: clusterEnv,
        }),
    );
  const access = await step(
    'Read access to the cluster for the portal',
    async () =>
      JSON.parse(
        await nodeScript(
          'k8s/scripts/backstage-access.mjs',
          clusterEnv,
          kubernetesDelivery ? ['--kubernetes-delivery'] : [],
        ),
      ),
  );
  const argocd = await step(
    'Argo CD (syncs the GitOps repository of the embedded git host)',
    () => startLocalArgocd(clusterEnv, { gitHost }),
  );
  return {
    kubeconfig,
    portalEnv: {
      PAVED_K8S_URL: access.url,
      PAVED_K8S_TOKEN: access.token,
      PAVED_K8S_CA_FILE: access.caFile,
      PAVED_ARGOCD_GIT_TOKEN: argocd.gitToken,
    },
  };
}

/** The portal's config on the local platform (paths as packages/app and packages/backend see them). */
export const PLATFORM_CONFIG_ARGS = [
  '--config',
  '../../app-config.yaml',
  '--config',
  '../../app-config.demo.yaml',
];
