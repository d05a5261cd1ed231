// A service account holding exactly what the Helm chart grants in kubernetes delivery
// (chartClusterRules and chartArgocdRules of @internal/kubernetes-testing), for the kubernetes-mode tests: the golden path then runs with the
// chart's least privilege, not cluster-admin, so a verb the chart lacks fails a test.
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
  V1PolicyRule,
} from '@kubernetes/client-node';
import type { KubernetesTestEnvironment } from '@internal/kubernetes-testing';
import {
  chartArgocdRules,
  chartClusterRules,
  waitFor,
} from '@internal/kubernetes-testing';

/** The rules with one verb taken off one resource. */
function withoutVerb(
  rules: V1PolicyRule[],
  without?: { resource: string; verb: string },
): V1PolicyRule[] {
  return rules.map(rule => ({
    ...rule,
    verbs:
      without && rule.resources?.includes(without.resource)
        ? rule.verbs.filter(v => v !== without.verb)
        : rule.verbs,
  }));
}

/**
 * Creates service account `name` in the test namespace, bound to a ClusterRole of the chart's
 * cluster rules and (the namespace standing for Argo CD's) a Role of its Argo CD rules, optionally
 * `without` one verb on one resource; resolves to a token for it once the grant is in effect.
 */
export async function serviceAccountWithChartRules(
  k8s: KubernetesTestEnvironment,
  name: string,
  without?: { resource: string; verb: string },
): Promise<string> {
  const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
  const rbac = k8s.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const namespace = k8s.namespace;
  const subjects = [{ kind: 'ServiceAccount', name, namespace }];
  const roleRef = (kind: string, roleName: string) => ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind,
    name: roleName,
  });
  await core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name } },
  });
  const clusterRole = `${namespace}-${name}`;
  await rbac.createClusterRole({
    body: {
      metadata: { name: clusterRole },
      rules: withoutVerb(chartClusterRules('kubernetes'), without),
    },
  });
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: clusterRole },
      roleRef: roleRef('ClusterRole', clusterRole),
      subjects,
    },
  });
  await rbac.createNamespacedRole({
    namespace,
    body: {
      metadata: { name: `${name}-argocd` },
      rules: withoutVerb(chartArgocdRules(), without),
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: `${name}-argocd` },
      roleRef: roleRef('Role', `${name}-argocd`),
      subjects,
    },
  });
  const token = (
    await core.createNamespacedServiceAccountToken({
      name,
      namespace,
      body: { spec: { audiences: [], expirationSeconds: 3600 } },
    })
  ).status!.token;

  // The authorizer reads RBAC from an informer cache: wait until the account can list
  // Applications (a rule every variant keeps).
  const cluster = k8s.kubeConfig.getCurrentCluster()!;
  const asAccount = new KubeConfig();
  asAccount.loadFromOptions({
    clusters: [{ ...cluster }],
    users: [{ name, token }],
    contexts: [{ name, cluster: cluster.name, user: name }],
    currentContext: name,
  });
  const objects = asAccount.makeApiClient(CustomObjectsApi);
  await waitFor('the chart RBAC to take effect', () =>
    objects
      .listNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace,
        plural: 'applications',
      })
      .catch(error => {
        // 403 until the grant lands; 429 while a fresh API server initialises a CRD's storage.
        if (error.code === 403 || error.code === 429) return undefined;
        throw error;
      }),
  );
  return token;
}
