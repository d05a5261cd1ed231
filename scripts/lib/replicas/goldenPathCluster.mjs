// The cluster the replicas check delivers to in kubernetes mode: the test control plane (k8s/,
// with the platform's CRDs and XRDs applied on start, purged afterwards) and a ServiceAccount
// holding exactly the Helm chart's rules for kubernetes delivery. `use` gets { client (cluster
// admin, for the check's own reads), argocdNamespace, env (PAVED_K8S_URL, PAVED_K8S_TOKEN,
// PAVED_K8S_CA_FILE, which scripts/production-check/kubernetes-delivery.yaml reads) }.
import { grantBackstageAccess } from '../../../k8s/scripts/lib/backstage-access.mjs';
import { kubeClient } from '../../../k8s/scripts/lib/kube-client.mjs';
import { kubernetesForTests } from '../kubernetes.mjs';

export const KUBERNETES_DELIVERY_CONFIG =
  'scripts/production-check/kubernetes-delivery.yaml';

export async function withGoldenPathCluster(env, use) {
  // The check writes namespaces, Applications and claims, so it always runs on a throwaway local
  // control plane of its own, never on $KUBECONFIG's cluster; and it proves kubernetes mode, so
  // without an API server it fails rather than skips.
  const { KUBECONFIG, ...withoutKubeconfig } = env;
  const { kubeconfig, stop } = await kubernetesForTests({
    ...withoutKubeconfig,
    PAVED_REQUIRE_KUBERNETES: '1',
  });
  const client = await kubeClient(kubeconfig);
  try {
    const argocdNamespace = 'argocd';
    const access = await grantBackstageAccess(client, {
      kubernetesDelivery: true,
      argocdNamespace,
      expirationSeconds: 3600,
    });
    return await use({
      client,
      argocdNamespace,
      env: {
        PAVED_K8S_URL: access.url,
        PAVED_K8S_TOKEN: access.token,
        PAVED_K8S_CA_FILE: access.caFile,
      },
    });
  } finally {
    client.close();
    await stop();
  }
}
