import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { describeKubernetes, rejectionOf } from '..';

// Argo CD's own Application CRD (platform/crds/argocd, copied from its release), which the local
// control plane applies.
const applications = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
};
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const serverSideApply = setHeaderOptions(
  'Content-Type',
  PatchStrategy.ServerSideApply,
);

function application(name: string, namespace: string, path: string) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://git.paved.example/test/widget',
        path,
        targetRevision: 'main',
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: 'widget-dev',
      },
    },
  };
}

describeKubernetes('an Argo CD Application', k8s => {
  const api = () => k8s.kubeConfig.makeApiClient(CustomObjectsApi);
  const ref = (name: string) => ({
    ...applications,
    namespace: k8s.namespace,
    name,
  });

  it('is created, then changed with a JSON merge patch', async () => {
    await api().createNamespacedCustomObject({
      ...applications,
      namespace: k8s.namespace,
      body: application('test-merge-patch', k8s.namespace, 'k8s'),
    });
    const patched = await api().patchNamespacedCustomObject(
      {
        ...ref('test-merge-patch'),
        body: { spec: { source: { targetRevision: 'v1.4.2' } } },
      },
      mergePatch,
    );
    expect(patched.spec.source).toEqual({
      repoURL: 'https://git.paved.example/test/widget',
      path: 'k8s',
      targetRevision: 'v1.4.2',
    });
  });

  it('is applied server-side, and a second manager conflicts unless it forces', async () => {
    const name = 'test-apply';
    await api().patchNamespacedCustomObject(
      {
        ...ref(name),
        body: application(name, k8s.namespace, 'deploy/overlays/staging'),
        fieldManager: 'golden-path',
      },
      serverSideApply,
    );

    const conflict = await rejectionOf(
      api().patchNamespacedCustomObject(
        {
          ...ref(name),
          body: application(name, k8s.namespace, 'somewhere/else'),
          fieldManager: 'someone-else',
        },
        serverSideApply,
      ),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.message).toContain(
      'conflict with "golden-path": .spec.source.path',
    );

    const forced = await api().patchNamespacedCustomObject(
      {
        ...ref(name),
        body: application(name, k8s.namespace, 'somewhere/else'),
        fieldManager: 'someone-else',
        force: true,
      },
      serverSideApply,
    );
    expect(forced.spec.source.path).toBe('somewhere/else');
    const managers = forced.metadata.managedFields.map(
      (f: { manager: string }) => f.manager,
    );
    expect(managers).toEqual(
      expect.arrayContaining(['golden-path', 'someone-else']),
    );
  });

  it('takes status through the main resource, as Argo CD writes it (its CRD has no status subresource)', async () => {
    const name = 'test-status';
    await api().createNamespacedCustomObject({
      ...applications,
      namespace: k8s.namespace,
      body: application(name, k8s.namespace, 'deploy/overlays/production'),
    });

    const synced = {
      sync: { status: 'Synced', revision: 'a1b2c3d' },
      health: { status: 'Healthy' },
      history: [
        {
          id: 0,
          revision: 'a1b2c3d',
          deployedAt: '2026-11-20T10:00:00Z',
          initiatedBy: { username: 'hannah.weber' },
        },
      ],
    };
    const written = await api().patchNamespacedCustomObject(
      { ...ref(name), body: { status: synced } },
      mergePatch,
    );
    expect(written.status).toEqual(synced);

    // A /status path does not exist for it.
    const noSubresource = await rejectionOf(
      api().patchNamespacedCustomObjectStatus(
        { ...ref(name), body: { status: { health: { status: 'Degraded' } } } },
        mergePatch,
      ),
    );
    expect(noSubresource.code).toBe(404);
    const read = await api().getNamespacedCustomObject(ref(name));
    expect(read.status.health).toEqual({ status: 'Healthy' });
  });

  it('is rejected without the required spec.project', async () => {
    const body = application('no-project', k8s.namespace, 'k8s');
    const { project: _project, ...spec } = body.spec;
    const rejection = await rejectionOf(
      api().createNamespacedCustomObject({
        ...applications,
        namespace: k8s.namespace,
        body: { ...body, spec },
      }),
    );
    expect(rejection.code).toBe(422);
    expect(rejection.message).toContain('spec.project: Required value');
  });
});
