// `./paved demo`: the portal connected to a Kubernetes API server with the demo platform in it, so
// the Kubernetes tab of the example components shows their (seeded) pods. The cluster is $KUBECONFIG's
// when set (the seed refuses clusters that do not look disposable), else the local control plane
// (k8s/), built once per machine. Then the portal starts as `./paved start` does, with
// app-config.demo.yaml layered on app-config.yaml.
import path from 'node:path';
import { repoRoot } from '../lib/paths.mjs';
import { capture, run, step } from '../lib/run.mjs';
import { startPortal } from './start.mjs';
import { upLocalControlPlane } from '../lib/kubernetes.mjs';
import { startLocalArgocd } from '../lib/argocd.mjs';

/** Runs one of the k8s/ scripts with `node`; returns its stdout (its progress goes to stderr). */
async function nodeScript(script, env) {
  const out = await capture('node', [path.join(repoRoot, script)], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out === undefined)
    throw new Error(`node ${script} failed (its output is above)`);
  return out;
}

export async function startDemo(env) {
  const kubeconfig = await step(
    'Kubernetes API server (the local control plane unless KUBECONFIG is set)',
    async () => env.KUBECONFIG || (await upLocalControlPlane(env)),
  );
  const clusterEnv = { ...env, KUBECONFIG: kubeconfig };
  await step(
    'Demo state: services, Argo CD applications, claims (k8s:seed)',
    () =>
      run('node', [path.join(repoRoot, 'k8s/seed/seed.mjs')], {
        cwd: repoRoot,
        env: clusterEnv,
      }),
  );
  const access = await step(
    'Read-only access to the cluster for the portal',
    async () =>
      JSON.parse(
        await nodeScript('k8s/scripts/backstage-access.mjs', clusterEnv),
      ),
  );
  const argocd = await step(
    'Argo CD (syncs the GitOps repository of the embedded git host)',
    () => startLocalArgocd(clusterEnv),
  );
  // Config paths are resolved from packages/app and packages/backend, where the two parts run.
  await startPortal(
    {
      ...env,
      PAVED_K8S_URL: access.url,
      PAVED_K8S_TOKEN: access.token,
      PAVED_K8S_CA_FILE: access.caFile,
      PAVED_ARGOCD_GIT_TOKEN: argocd.gitToken,
    },
    [
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.demo.yaml',
    ],
  );
}
