import {
  CoreV1Api,
  PatchStrategy,
  V1Pod,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { describeKubernetes } from '..';

function pod(name: string, kubernetesId: string): V1Pod {
  return {
    metadata: {
      name,
      labels: {
        'backstage.io/kubernetes-id': kubernetesId,
        'app.kubernetes.io/name': kubernetesId,
      },
    },
    spec: {
      containers: [
        { name: 'app', image: `registry.paved.example/${kubernetesId}:1.0.0` },
      ],
    },
  };
}

describeKubernetes('Pods', k8s => {
  const core = () => k8s.kubeConfig.makeApiClient(CoreV1Api);

  beforeAll(async () => {
    // Ids that are not in the catalog: on the local control plane these Pods outlive the test
    // (no namespace controller), and the demo portal shows every Pod labelled with a catalog id.
    for (const [name, id] of [
      ['shop-1', 'test-shop'],
      ['shop-2', 'test-shop'],
      ['cart-1', 'test-cart'],
    ])
      await core().createNamespacedPod({
        namespace: k8s.namespace,
        body: pod(name, id),
      });
  });

  it('are listed by the backstage.io/kubernetes-id label selector', async () => {
    const list = await core().listNamespacedPod({
      namespace: k8s.namespace,
      labelSelector: 'backstage.io/kubernetes-id=test-shop',
    });
    expect(list.items.map(p => p.metadata?.name).sort()).toEqual([
      'shop-1',
      'shop-2',
    ]);

    const others = await core().listNamespacedPod({
      namespace: k8s.namespace,
      labelSelector: 'backstage.io/kubernetes-id!=test-shop',
    });
    expect(others.items.map(p => p.metadata?.name)).toEqual(['cart-1']);
  });

  it('stay Pending until someone writes their status (no scheduler or kubelet runs)', async () => {
    const created = await core().readNamespacedPod({
      namespace: k8s.namespace,
      name: 'cart-1',
    });
    expect(created.status?.phase).toBe('Pending');

    const running = await core().patchNamespacedPodStatus(
      {
        namespace: k8s.namespace,
        name: 'cart-1',
        body: {
          status: {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'True' }],
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(running.status?.phase).toBe('Running');
    expect(running.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    );
  });
});
