import {
  CoreV1Api,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { describeKubernetes, rejectionOf, waitFor } from '..';

describeKubernetes('RBAC', k8s => {
  // The admin kubeconfig may impersonate anyone (system:masters), like `kubectl --as=jane`.
  const asJane = setHeaderOptions('Impersonate-User', 'jane');
  const core = () => k8s.kubeConfig.makeApiClient(CoreV1Api);

  it('answers 403 to a user without rights, and 200 once a RoleBinding grants them', async () => {
    const denied = await rejectionOf(
      core().listNamespacedPod({ namespace: k8s.namespace }, asJane),
    );
    expect(denied.code).toBe(403);
    expect(denied.reason).toBe('Forbidden');
    expect(denied.message).toBe(
      `pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "${k8s.namespace}"`,
    );

    const rbac = k8s.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: k8s.namespace,
      body: {
        metadata: { name: 'pod-reader' },
        rules: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: k8s.namespace,
      body: {
        metadata: { name: 'jane-reads-pods' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'pod-reader',
        },
        subjects: [
          { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' },
        ],
      },
    });

    // The authorizer reads RBAC objects from an informer cache, so the grant lands a moment later.
    const list = await waitFor('the RoleBinding to take effect', () =>
      core()
        .listNamespacedPod({ namespace: k8s.namespace }, asJane)
        .catch(error => {
          if (error.code === 403) return undefined;
          throw error;
        }),
    );
    expect(list.items).toEqual([]);

    // Still nothing outside that namespace.
    const elsewhere = await rejectionOf(
      core().listPodForAllNamespaces({}, asJane),
    );
    expect(elsewhere.code).toBe(403);
  });
});
