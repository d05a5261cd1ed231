// Backstage `kubernetes` cluster entries for the test API server as the portal sees a cluster: a
// service account allowed only what it is given (so a test can also make one that may not read
// everything), and a cluster that cannot be reached.
import { waitFor } from '@internal/kubernetes-testing';
import {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  V1PolicyRule,
} from '@kubernetes/client-node';

/** What the collector reads: pods, PVCs, API discovery, pod metrics and the offerings' claims. */
export const COST_READER_RULES: V1PolicyRule[] = [
  {
    apiGroups: [''],
    resources: ['pods', 'persistentvolumeclaims'],
    verbs: ['list'],
  },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods'], verbs: ['list'] },
  {
    apiGroups: ['platform.paved.dev'],
    resources: ['postgresqlinstances'],
    verbs: ['list'],
  },
];

/** A cluster entry reaching the test API server as a service account allowed only `rules`. */
export async function readerCluster(
  k8s: { kubeConfig: KubeConfig; namespace: string },
  name: string,
  rules: V1PolicyRule[],
): Promise<object> {
  const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
  const rbac = k8s.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const account = `reader-${name}`;
  const role = `${k8s.namespace}-${account}`;
  await core.createNamespacedServiceAccount({
    namespace: k8s.namespace,
    body: { metadata: { name: account } },
  });
  await rbac.createClusterRole({ body: { metadata: { name: role }, rules } });
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: role },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: role,
      },
      subjects: [
        { kind: 'ServiceAccount', name: account, namespace: k8s.namespace },
      ],
    },
  });
  const token = await core.createNamespacedServiceAccountToken({
    name: account,
    namespace: k8s.namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  // The API server's RBAC cache catches up asynchronously: wait until the account may do what
  // its first rule allows, so a pass right after this is not refused.
  const [first] = rules;
  if (first?.resources?.length) {
    const authorization = k8s.kubeConfig.makeApiClient(AuthorizationV1Api);
    await waitFor(`RBAC for ${account}`, async () => {
      const review = await authorization.createSubjectAccessReview({
        body: {
          spec: {
            user: `system:serviceaccount:${k8s.namespace}:${account}`,
            resourceAttributes: {
              group: first.apiGroups?.[0] ?? '',
              resource: first.resources![0],
              verb: first.verbs?.[0] ?? 'list',
            },
          },
        },
      });
      return review.status?.allowed;
    });
  }
  const cluster = k8s.kubeConfig.getCurrentCluster()!;
  return {
    name,
    url: cluster.server,
    authProvider: 'serviceAccount',
    serviceAccountToken: token.status!.token,
    ...(cluster.caData ? { caData: cluster.caData } : {}),
    ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
    skipTLSVerify: cluster.skipTLSVerify,
  };
}

/** A cluster nothing listens at. */
export const UNREACHABLE_CLUSTER = {
  name: 'gone',
  url: 'https://127.0.0.1:1',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'x',
};
