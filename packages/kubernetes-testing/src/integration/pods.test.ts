import {
  AppsV1Api,
  CoreV1Api,
  PatchStrategy,
  V1Pod,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { describeKubernetes, waitFor } from '..';

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
    // Ids that are not in the catalog: the demo portal shows every Pod labelled with a catalog id.
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

  it('are scheduled onto a KWOK node and reach Running and Ready (kube-scheduler and KWOK run)', async () => {
    const running = await waitFor('pod cart-1 Running', async () => {
      const p = await core().readNamespacedPod({
        namespace: k8s.namespace,
        name: 'cart-1',
      });
      return p.status?.phase === 'Running' && p;
    });
    expect(running.spec?.nodeName).toMatch(/^paved-node-\d$/);
    expect(running.status?.podIP).toBeTruthy();
    expect(running.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    );
  });

  it('stay Pending when no scheduler claims them, until someone writes their status', async () => {
    await core().createNamespacedPod({
      namespace: k8s.namespace,
      body: {
        ...pod('unscheduled', 'test-cart'),
        spec: { ...pod('x', 'x').spec!, schedulerName: 'no-such-scheduler' },
      },
    });
    const created = await core().readNamespacedPod({
      namespace: k8s.namespace,
      name: 'unscheduled',
    });
    expect(created.status?.phase).toBe('Pending');
    expect(created.spec?.nodeName).toBeUndefined();

    const running = await core().patchNamespacedPodStatus(
      {
        namespace: k8s.namespace,
        name: 'unscheduled',
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

describeKubernetes('Deployments', k8s => {
  it('become a ReplicaSet and Running Pods (kube-controller-manager runs)', async () => {
    const apps = k8s.kubeConfig.makeApiClient(AppsV1Api);
    const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
    const labels = { 'app.kubernetes.io/name': 'test-web' };
    await apps.createNamespacedDeployment({
      namespace: k8s.namespace,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                { name: 'app', image: 'registry.paved.example/test-web:1.0.0' },
              ],
            },
          },
        },
      },
    });
    const deployment = await waitFor('3 ready replicas', async () => {
      const d = await apps.readNamespacedDeployment({
        namespace: k8s.namespace,
        name: 'web',
      });
      return d.status?.readyReplicas === 3 && d;
    });
    expect(deployment.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Available', status: 'True' }),
    );
    const replicaSets = await apps.listNamespacedReplicaSet({
      namespace: k8s.namespace,
    });
    expect(replicaSets.items).toHaveLength(1);
    expect(replicaSets.items[0].metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
    });
    const pods = await core.listNamespacedPod({
      namespace: k8s.namespace,
      labelSelector: 'app.kubernetes.io/name=test-web',
    });
    expect(pods.items.map(p => p.status?.phase)).toEqual([
      'Running',
      'Running',
      'Running',
    ]);
    expect(
      pods.items.every(
        p => p.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet',
      ),
    ).toBe(true);
  });
});
