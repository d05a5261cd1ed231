// The refusal messages of describeKubernetesError for 403s, from the API server's own wording (as
// kube-apiserver 1.37 words it; the chart check meets the same answers from the real server).
import { describeKubernetesError } from './describeKubernetesError';

const cluster = { name: 'prod', url: 'https://10.0.0.1:6443' };
const user = 'system:serviceaccount:paved:paved';

/** What @kubernetes/client-node 1.x throws for a 403: the code and the Status as a string. */
function forbiddenBy(message: string, details: object) {
  return {
    code: 403,
    body: JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message,
      reason: 'Forbidden',
      details,
      code: 403,
    }),
  };
}

describe('describeKubernetesError on 403 Forbidden', () => {
  it('names the verb, the resource, the namespace and the Role to add the verb to', () => {
    const error = describeKubernetesError(
      forbiddenBy(
        `applications.argoproj.io is forbidden: User "${user}" cannot create resource "applications" in API group "argoproj.io" in the namespace "argocd"`,
        { group: 'argoproj.io', kind: 'applications' },
      ),
      {
        cluster,
        verb: 'create',
        resource: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          namespace: 'argocd',
          name: 'orders-dev',
        },
      },
    );
    expect(error.name).toBe('NotAllowedError');
    // @backstage/errors appends the cause (the API server's own answer) after '; caused by'.
    const [message, cause] = error.message.split('; caused by ');
    expect(cause).toMatch(/^KubernetesApiError: HTTP 403 Forbidden: /);
    expect(message).toBe(
      `The service account of cluster 'prod' (https://10.0.0.1:6443) (${user}) may not create applications.argoproj.io in namespace argocd, so Application argocd/orders-dev cannot be written: add \`create\` on applications (API group argoproj.io) to the Role bound to that service account in namespace argocd (or to its ClusterRole) (RBAC; installed with the Helm chart, the rules are in charts/paved/rbac-rules.json); its token is configured in kubernetes.clusterLocatorMethods`,
    );
  });

  it('says a list across all namespaces needs the ClusterRole, and that nothing could be read', () => {
    const error = describeKubernetesError(
      forbiddenBy(
        `postgresqlinstances.platform.paved.dev is forbidden: User "${user}" cannot list resource "postgresqlinstances" in API group "platform.paved.dev" at the cluster scope`,
        { group: 'platform.paved.dev', kind: 'postgresqlinstances' },
      ),
      {
        cluster,
        verb: 'list',
        resource: {
          apiVersion: 'platform.paved.dev/v1alpha1',
          kind: 'PostgreSQLInstance',
        },
      },
    );
    expect(error.message).toContain(
      'may not list postgresqlinstances.platform.paved.dev at cluster scope (in all namespaces), so PostgreSQLInstance objects cannot be read: add `list` on postgresqlinstances (API group platform.paved.dev) to the ClusterRole bound to that service account',
    );
  });

  it('names the core API group as "" for core resources', () => {
    const error = describeKubernetesError(
      forbiddenBy(
        `namespaces "orders-dev" is forbidden: User "${user}" cannot patch resource "namespaces" in API group "" at the cluster scope`,
        { name: 'orders-dev', kind: 'namespaces' },
      ),
      {
        cluster,
        verb: 'apply',
        resource: { apiVersion: 'v1', kind: 'Namespace', name: 'orders-dev' },
      },
    );
    expect(error.message).toContain(
      'may not patch namespaces at cluster scope (in all namespaces), so Namespace orders-dev cannot be written: add `patch` on namespaces (core API group "") to the ClusterRole',
    );
  });

  it('falls back to the attempted verb and the kind when the server words its refusal otherwise', () => {
    const error = describeKubernetesError(
      forbiddenBy('forbidden by an admission webhook', {}),
      {
        cluster,
        verb: 'apply',
        resource: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          namespace: 'argocd',
          name: 'orders-dev',
        },
      },
    );
    expect(error.message).toContain(
      'may not patch Application.argoproj.io in namespace argocd, so Application argocd/orders-dev cannot be written: add `patch` on Application (API group argoproj.io) to the Role bound to that service account in namespace argocd',
    );
  });
});
