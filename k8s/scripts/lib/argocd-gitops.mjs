// What connects the local Argo CD to the portal's GitOps repository: read credentials for the git
// host, the cluster name the golden path's Applications deploy to, and one root Application per
// environment (the app of apps the golden path's bootstrap/<environment>.yaml describes), which the
// portal may annotate to ask for a refresh after a push.
import { ARGOCD_NAMESPACE } from './argocd-plane.mjs';

const IN_CLUSTER = 'https://kubernetes.default.svc';
const REFRESH_ROLE = 'paved-backstage-argocd-refresh';

const rootApplicationName = environment => `paved-${environment}`;

/**
 * @param gitHostUrl the git host's base URL, e.g. http://localhost:7007/api/git-host
 * @param gitToken   a token the git host accepts for reads only (a Backstage static token
 *                   restricted to git-host reads), sent by Argo CD as a bearer token
 * @param cluster    the name the portal's config gives this cluster (environments' `cluster`)
 * @param environments names of the environments whose apps/<environment>/ Argo CD syncs
 * @param portalAccount { name, namespace } of the portal's ServiceAccount (may refresh roots)
 */
export function gitopsObjects({
  gitHostUrl,
  gitToken,
  cluster,
  environments,
  portalAccount,
  gitopsRepository = 'platform/gitops',
}) {
  const base = gitHostUrl.replace(/\/$/, '');
  const secret = (name, type, stringData) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: ARGOCD_NAMESPACE,
      labels: { 'argocd.argoproj.io/secret-type': type },
    },
    type: 'Opaque',
    stringData,
  });
  const roots = environments.map(environment => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: rootApplicationName(environment),
      namespace: ARGOCD_NAMESPACE,
    },
    spec: {
      project: 'default',
      source: {
        repoURL: `${base}/${gitopsRepository}.git`,
        path: `apps/${environment}`,
        targetRevision: 'main',
        directory: { recurse: true },
      },
      destination: { name: cluster, namespace: ARGOCD_NAMESPACE },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        // A service's claims go into the namespace its own Application creates: retry until it
        // exists (Argo CD does not retry a failed automated sync of the same commit by itself).
        retry: {
          limit: 10,
          backoff: { duration: '5s', factor: 2, maxDuration: '1m' },
        },
      },
    },
  }));
  return [
    // Every repository under the git host, with one credential (a credential template).
    secret('paved-git-host', 'repo-creds', {
      type: 'git',
      url: `${base}/`,
      bearerToken: gitToken,
    }),
    // The cluster the golden path names in its Applications is the one Argo CD runs in.
    secret(`cluster-${cluster}`, 'cluster', {
      name: cluster,
      server: IN_CLUSTER,
      config: '{"tlsClientConfig":{"insecure":false}}',
    }),
    ...roots,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: REFRESH_ROLE, namespace: ARGOCD_NAMESPACE },
      rules: [
        {
          apiGroups: ['argoproj.io'],
          resources: ['applications'],
          resourceNames: environments.map(rootApplicationName),
          verbs: ['get', 'patch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: REFRESH_ROLE, namespace: ARGOCD_NAMESPACE },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: REFRESH_ROLE,
      },
      subjects: [{ kind: 'ServiceAccount', ...portalAccount }],
    },
  ];
}
