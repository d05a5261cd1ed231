// The collector against a real API server with Argo CD's Application CRD: history that Argo CD
// rotates away between passes is kept, and a cluster that cannot be reached is reported.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  chartClusterRules,
  describeKubernetes,
} from '@internal/kubernetes-testing';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { readerClusterConfig } from '../__testUtils__/readerCluster';
import { AdoptionStore } from '../store/AdoptionStore';
import { collectArgoHistory } from './argoHistoryCollector';

jest.setTimeout(60_000);

const group = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
};

/** History entries id..id+count-1, one a day, as Argo CD writes them. */
const history = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: first + i,
    revision: `rev${first + i}`,
    deployedAt: new Date(Date.UTC(2026, 9, 1 + first + i, 12)).toISOString(),
    deployStartedAt: new Date(
      Date.UTC(2026, 9, 1 + first + i, 11, 58),
    ).toISOString(),
    source: {
      repoURL: 'https://git.example/checkout/orders-api.git',
      path: 'k8s',
    },
  }));

describeKubernetes('Argo CD history collector', k8s => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let config: ConfigReader;
  let store: AdoptionStore;
  const objects = () => k8s.kubeConfig.makeApiClient(CustomObjectsApi);
  // The test cluster is shared with other suites (and may hold the demo's Applications): a
  // component of this run's own.
  const component = `orders-${Date.now().toString(36)}`;
  const name = `${component}-production`;

  async function setStatus(status: object) {
    const current: any = await objects().getNamespacedCustomObject({
      ...group,
      namespace: k8s.namespace,
      name,
    });
    // Argo CD's CRD has no status subresource: its controller writes status with the object.
    await objects().replaceNamespacedCustomObject({
      ...group,
      namespace: k8s.namespace,
      name,
      body: { ...current, status },
    });
  }

  beforeAll(async () => {
    // Exactly what the Helm chart grants the portal (its default, gitops delivery).
    config = await readerClusterConfig(k8s, chartClusterRules());
    const knex = await databases.init('SQLITE_3');
    store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );

    await objects().createNamespacedCustomObject({
      ...group,
      namespace: k8s.namespace,
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name,
          labels: {
            'backstage.io/kubernetes-id': component,
            'paved.dev/environment': 'production',
          },
        },
        spec: {
          project: 'default',
          source: {
            repoURL: 'https://git.example/checkout/orders-api.git',
            path: 'k8s',
            targetRevision: 'main',
          },
          destination: {
            name: 'paved-local',
            namespace: 'orders-api-production',
          },
        },
      },
    });
  });

  const collect = () =>
    collectArgoHistory({ config, store, logger: mockServices.logger.mock() });
  const ours = async () =>
    (
      await store.deploys({
        environment: 'production',
        components: [component],
        from: '2026-01-01T00:00:00Z',
        to: '2027-01-01T00:00:00Z',
      })
    ).map(d => `${d.revision}:${d.outcome}`);

  it('keeps history that Argo CD rotated away between passes', async () => {
    await setStatus({ history: history(0, 10) });
    await collect();
    // Five more syncs: Argo CD keeps the last 10, so entries 0-4 are gone from the cluster.
    await setStatus({ history: history(5, 10) });
    await collect();
    const seen = await ours();
    expect(seen).toHaveLength(15);
    expect(seen[0]).toBe('rev0:succeeded');
    expect(seen[14]).toBe('rev14:succeeded');
  });

  it('records a failed sync operation once', async () => {
    const failed = {
      operation: { sync: { revision: 'rev-bad' } },
      phase: 'Failed',
      message: 'one or more objects failed to apply',
      startedAt: '2026-10-20T12:00:00Z',
      finishedAt: '2026-10-20T12:01:00Z',
      syncResult: { revision: 'rev-bad' },
    };
    await setStatus({ history: history(5, 10), operationState: failed });
    await collect();
    await collect();
    expect((await ours()).filter(d => d.endsWith(':failed'))).toEqual([
      'rev-bad:failed',
    ]);
  });

  it('reports an unreachable cluster, names it, and still collects the others', async () => {
    const { errors } = await collect();
    expect(errors).toEqual([
      expect.stringMatching(/gone[\s\S]*https:\/\/127\.0\.0\.1:1/),
    ]);
    const [status] = await store.collectorStatus();
    expect(status).toMatchObject({
      collector: 'argocd-history',
      lastError: expect.stringMatching(/gone/),
    });
    expect(await ours()).toHaveLength(16);
  });
});
