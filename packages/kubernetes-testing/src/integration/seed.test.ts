// The demo seed against the test cluster. Its namespaces have fixed names (the catalog's), so this
// writes the same demo state that `yarn k8s:seed` does; being idempotent, running it again is harmless.
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { describeKubernetes } from '..';
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
  const pods = await core.listNamespacedPod({
    namespace: 'checkout-api-production',
    labelSelector: 'backstage.io/kubernetes-id=checkout-api',
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
  return {
    deployment: deployment.metadata!.resourceVersion!,
    application: application.metadata.resourceVersion,
    claim: claim.metadata.resourceVersion,
    ...Object.fromEntries(
      pods.items.map(p => [
        `pod ${p.metadata!.name}`,
        p.metadata!.resourceVersion!,
      ]),
    ),
  };
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
    expect(first.stdout).toMatch(/^pods\s+\d+$/m);
    const before = await resourceVersions(k8s.kubeConfig);

    const second = await runSeed([], seedEnv);
    expect(second.stderr).toMatch(/\b0 created, 0 changed, \d+ unchanged/);
    expect(await resourceVersions(k8s.kubeConfig)).toEqual(before);
  }, 180_000);

  it('leaves Running pods that Backstage finds by their kubernetes-id label', async () => {
    if (!disposable()) return;
    const pods = await k8s.kubeConfig
      .makeApiClient(CoreV1Api)
      .listPodForAllNamespaces({
        labelSelector: 'backstage.io/kubernetes-id=checkout-api',
      });
    // Other tests' namespaces may hold Pods too; the seed's are the service's own.
    const seeded = pods.items.filter(p =>
      p.metadata?.namespace?.startsWith('checkout-api-'),
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
    }
  });
});
