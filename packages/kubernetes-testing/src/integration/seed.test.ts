// The demo seed against the test cluster. Its namespaces have fixed names (the catalog's), so this
// writes the same demo state that `yarn k8s:seed` does; being idempotent, running it again is harmless.
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { describeKubernetes, waitFor } from '..';
import { runSeed } from '../__testUtils__/runSeed';

// The seed refuses clusters whose context does not look disposable (see k8s/seed/seed.mjs).
const DISPOSABLE_CONTEXT =
  /^(paved-local|kind-.+|k3d-.+|minikube|docker-desktop|rancher-desktop|orbstack)$/;

async function resourceVersions(
  kc: KubeConfig,
): Promise<Record<string, string>> {
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const deployment = await apps.readNamespacedDeployment({
    namespace: 'checkout-api-production',
    name: 'checkout-api',
  });
  const volumeClaim = await core.readNamespacedPersistentVolumeClaim({
    namespace: 'orders-service-production',
    name: 'orders-service-data',
  });
  const application = await custom.getNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
    namespace: 'argocd',
    name: 'checkout-api-production',
  });
  const claim = await custom.getNamespacedCustomObject({
    group: 'platform.paved.dev',
    version: 'v1alpha1',
    plural: 'postgresqlinstances',
    namespace: 'orders-service-production',
    name: 'orders-service-db',
  });
  // The Deployment's and the volume claim's status belong to their controllers: only their specs
  // (generation, volume name) are the seed's.
  return {
    deployment: String(deployment.metadata!.generation),
    volumeClaim: volumeClaim.spec!.volumeName!,
    application: application.metadata.resourceVersion,
    claim: claim.metadata.resourceVersion,
  };
}

/** Waits until the controllers have acted on everything the seed wrote: every seeded Deployment's
 * Pods run and every seeded volume claim is bound. Until then their statuses still move, and a
 * second seed run racing them would see objects change under it. */
async function settled(kc: KubeConfig) {
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  // The seed labels its workloads with the owning team.
  const labelSelector = 'paved.dev/team';
  await waitFor(
    'every seeded Deployment Ready and every seeded claim Bound',
    async () => {
      const deployments = await apps.listDeploymentForAllNamespaces({
        labelSelector,
      });
      const claims = await core.listPersistentVolumeClaimForAllNamespaces({
        labelSelector,
      });
      return (
        deployments.items.length > 0 &&
        deployments.items.every(
          d =>
            d.status?.observedGeneration === d.metadata?.generation &&
            d.status?.readyReplicas === d.spec?.replicas &&
            d.status?.updatedReplicas === d.spec?.replicas,
        ) &&
        claims.items.every(c => c.status?.phase === 'Bound')
      );
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

describeKubernetes('the demo seed (k8s:seed)', k8s => {
  const disposable = () =>
    DISPOSABLE_CONTEXT.test(k8s.kubeConfig.getCurrentContext());

  it('fills the cluster, and a second run changes nothing', async () => {
    if (!disposable()) {
      process.stderr.write(
        `skipping the seed test: context ${k8s.kubeConfig.getCurrentContext()} is not a disposable cluster\n`,
      );
      return;
    }
    const seedEnv = { KUBECONFIG: k8s.kubeconfigPath };
    const first = await runSeed([], seedEnv);
    expect(first.stdout).toMatch(/^replicas\s+\d+$/m);
    await settled(k8s.kubeConfig);
    const before = await resourceVersions(k8s.kubeConfig);

    const second = await runSeed([], seedEnv);
    expect(second.stderr).toMatch(/\b0 created, 0 changed, \d+ unchanged/);
    expect(await resourceVersions(k8s.kubeConfig)).toEqual(before);
  }, 180_000);

  it('leaves Pods that the controllers made and KWOK runs, found by their kubernetes-id label', async () => {
    if (!disposable()) return;
    // Other tests' namespaces may hold Pods too; the seed's are the service's own.
    const seededPods = async () =>
      (
        await k8s.kubeConfig.makeApiClient(CoreV1Api).listPodForAllNamespaces({
          labelSelector: 'backstage.io/kubernetes-id=checkout-api',
        })
      ).items.filter(p => p.metadata?.namespace?.startsWith('checkout-api-'));
    const seeded = await waitFor(
      'the Pods of checkout-api in dev, staging and production Running',
      async () => {
        const pods = await seededPods();
        return (
          new Set(pods.map(p => p.metadata?.namespace)).size === 3 &&
          pods.every(p => p.status?.phase === 'Running') &&
          pods
        );
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(new Set(seeded.map(p => p.metadata?.namespace))).toEqual(
      new Set([
        'checkout-api-dev',
        'checkout-api-staging',
        'checkout-api-production',
      ]),
    );
    for (const pod of seeded) {
      expect(pod.status?.phase).toBe('Running');
      expect(pod.metadata?.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
      expect(pod.spec?.nodeName).toMatch(/^paved-node-\d$/);
    }
  });
});
