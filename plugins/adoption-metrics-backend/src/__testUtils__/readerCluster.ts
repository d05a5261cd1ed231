// Backstage `kubernetes` config for the test API server as the portal sees a cluster: a service
// account allowed only to read what a collector reads, plus a cluster that cannot be reached.
import { ConfigReader } from '@backstage/config';
import { waitFor } from '@internal/kubernetes-testing';
import {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  V1PolicyRule,
} from '@kubernetes/client-node';

export async function readerClusterConfig(
  k8s: { kubeConfig: KubeConfig; namespace: string },
  rules: V1PolicyRule[],
  extra: object = {},
): Promise<ConfigReader> {
  const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
  const rbac = k8s.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const name = `${k8s.namespace}-reader`;
  await core.createNamespacedServiceAccount({
    namespace: k8s.namespace,
    body: { metadata: { name: 'reader' } },
  });
  await rbac.createClusterRole({ body: { metadata: { name }, rules } });
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name,
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'reader', namespace: k8s.namespace },
      ],
    },
  });
  const token = await core.createNamespacedServiceAccountToken({
    name: 'reader',
    namespace: k8s.namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  // The API server's RBAC cache catches up asynchronously: a first pass right after the binding
  // could be refused. Wait until the account may do what the rules allow.
  const authorization = k8s.kubeConfig.makeApiClient(AuthorizationV1Api);
  for (const rule of rules) {
    for (const resource of rule.resources ?? []) {
      await waitFor(`RBAC for ${resource}`, async () => {
        const review = await authorization.createSubjectAccessReview({
          body: {
            spec: {
              user: `system:serviceaccount:${k8s.namespace}:reader`,
              resourceAttributes: {
                group: rule.apiGroups?.[0] ?? '',
                resource,
                verb: rule.verbs?.[0] ?? 'list',
              },
            },
          },
        });
        return review.status?.allowed;
      });
    }
  }
  const cluster = k8s.kubeConfig.getCurrentCluster()!;
  return new ConfigReader({
    ...extra,
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'paved-local',
              url: cluster.server,
              authProvider: 'serviceAccount',
              serviceAccountToken: token.status!.token,
              ...(cluster.caData ? { caData: cluster.caData } : {}),
              ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
              skipTLSVerify: cluster.skipTLSVerify,
            },
            {
              name: 'gone',
              url: 'https://127.0.0.1:1',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'x',
            },
          ],
        },
      ],
    },
  });
}
