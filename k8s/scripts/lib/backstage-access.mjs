// Read access to a cluster for the portal: a ServiceAccount `backstage` in `paved-system`, bound to a
// ClusterRole with the Helm chart's read rules (charts/paved/rbac-rules.json: what Backstage's
// Kubernetes plugin and Paved's collectors read), and a short-lived token for it from the
// TokenRequest API (no long-lived token Secret is created).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartRbacRules } from './chart-rbac-rules.mjs';
import { repoRoot } from './common.mjs';

export const ACCESS_NAMESPACE = 'paved-system';
export const ACCESS_ACCOUNT = 'backstage';
const ROLE = 'paved-backstage-read';
const FIELD_MANAGER = 'paved-backstage-access';

// Exactly what the Helm chart grants in its default (gitops) delivery: the reads of the Kubernetes
// tab and the collectors, from the chart's rules file, so the demo portal and a production install
// cannot drift apart.
const RULES = chartRbacRules('clusterRole');

function objects() {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ACCESS_NAMESPACE },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: ACCESS_ACCOUNT, namespace: ACCESS_NAMESPACE },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: ROLE },
      rules: RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: ROLE },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: ROLE,
      },
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

/**
 * Creates (idempotently) the account and its read-only role, and returns { url, token, caFile,
 * expiresAt } for the portal's kubernetes.clusterLocatorMethods. caFile is written under .paved/.
 */
export async function grantBackstageAccess(
  client,
  { expirationSeconds = 7 * 24 * 3600 } = {},
) {
  for (const object of objects())
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
