// Access to a cluster for the portal: a ServiceAccount `backstage` in `paved-system`, bound to the
// Helm chart's rules (charts/paved/rbac-rules.json: what Backstage's Kubernetes plugin and Paved's
// collectors read, and with kubernetes delivery what the golden path writes), and a short-lived
// token for it from the TokenRequest API (no long-lived token Secret is created).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartRbacRules } from './chart-rbac-rules.mjs';
import { repoRoot } from './common.mjs';

export const ACCESS_NAMESPACE = 'paved-system';
export const ACCESS_ACCOUNT = 'backstage';
const ROLE = 'paved-backstage';
const FIELD_MANAGER = 'paved-backstage-access';

const ARGOCD_ROLE = 'paved-backstage-argocd';

const namespaced = namespace => (namespace ? { namespace } : {});

/** A ClusterRole (no namespace) or Role with `rules`, and its binding to the portal's account. */
function roleAndBinding(kind, name, rules, namespace) {
  const metadata = { name, ...namespaced(namespace) };
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata, rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: `${kind}Binding`,
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: ACCESS_ACCOUNT,
          namespace: ACCESS_NAMESPACE,
        },
      ],
    },
  ];
}

const namespaceObject = name => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

// Exactly what the Helm chart grants, from the chart's rules file, so the demo portal, the checks
// and a production install cannot drift apart: by default (gitops delivery) the reads of the
// Kubernetes tab and the collectors; with kubernetesDelivery also the golden path's writes, with
// the Applications in Argo CD's namespace as a Role there.
function objects({ kubernetesDelivery, argocdNamespace }) {
  const argocdRules = chartRbacRules('argocdRole', { kubernetesDelivery });
  return [
    namespaceObject(ACCESS_NAMESPACE),
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: ACCESS_ACCOUNT, namespace: ACCESS_NAMESPACE },
    },
    ...roleAndBinding(
      'ClusterRole',
      ROLE,
      chartRbacRules('clusterRole', { kubernetesDelivery }),
    ),
    ...(argocdRules.length
      ? [
          namespaceObject(argocdNamespace),
          ...roleAndBinding('Role', ARGOCD_ROLE, argocdRules, argocdNamespace),
        ]
      : []),
  ];
}

/**
 * Creates (idempotently) the account and its roles, and returns { url, token, caFile, expiresAt }
 * for the portal's kubernetes.clusterLocatorMethods. caFile is written under .paved/. Rules are
 * applied whole, so a call without kubernetesDelivery takes the writes back.
 */
export async function grantBackstageAccess(
  client,
  {
    expirationSeconds = 7 * 24 * 3600,
    kubernetesDelivery = false,
    argocdNamespace = 'argocd',
  } = {},
) {
  for (const object of objects({ kubernetesDelivery, argocdNamespace }))
    await client.apply(object, { fieldManager: FIELD_MANAGER });
  const review = await client.request(
    'POST',
    `/api/v1/namespaces/${ACCESS_NAMESPACE}/serviceaccounts/${ACCESS_ACCOUNT}/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds },
      },
    },
  );
  let caFile = '';
  if (client.caData) {
    const dir = join(repoRoot, '.paved', 'backstage-access');
    mkdirSync(dir, { recursive: true });
    caFile = join(dir, 'ca.crt');
    writeFileSync(caFile, client.caData);
  }
  return {
    url: client.server,
    token: review.status.token,
    caFile,
    expiresAt: review.status.expirationTimestamp,
  };
}
