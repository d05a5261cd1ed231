// The claim collector against a real API server with the platform's PostgreSQLInstance CRD: claims
// with the golden path's task mark count as self-service, a deleted claim is kept as gone, and a
// kind whose CRD is missing and an unreachable cluster are reported without stopping the pass.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  chartClusterRules,
  describeKubernetes,
} from '@internal/kubernetes-testing';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { readerClusterConfig } from '../__testUtils__/readerCluster';
import { AdoptionStore } from '../store/AdoptionStore';
import { collectClaims } from './claimCollector';

jest.setTimeout(60_000);

const claims = {
  group: 'platform.paved.dev',
  version: 'v1alpha1',
  plural: 'postgresqlinstances',
};

describeKubernetes('Crossplane claim collector', k8s => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let config: ConfigReader;
  let store: AdoptionStore;
  const objects = () => k8s.kubeConfig.makeApiClient(CustomObjectsApi);
  const create = (name: string, annotations: Record<string, string>) =>
    objects().createNamespacedCustomObject({
      ...claims,
      namespace: k8s.namespace,
      body: {
        apiVersion: 'platform.paved.dev/v1alpha1',
        kind: 'PostgreSQLInstance',
        metadata: {
          name,
          labels: { 'backstage.io/kubernetes-id': name.replace(/-db$/, '') },
          annotations,
        },
        spec: {
          parameters: { storageGB: 20, tier: 'small' },
          compositionRef: { name: 'postgresqlinstance-aws' },
        },
      },
    });
  // Claims of this run only: the test cluster is shared with other suites and the demo.
  const ours = async () =>
    (await store.claims.claims({ to: '2100-01-01' })).filter(
      c => c.namespace === k8s.namespace,
    );

  beforeAll(async () => {
    config = await readerClusterConfig(
      k8s,
      // Exactly what the Helm chart grants the portal (its default, gitops delivery).
      chartClusterRules(),
      {
        paved: {
          goldenPath: {
            offerings: {
              postgresql: {
                apiVersion: 'platform.paved.dev/v1alpha1',
                kind: 'PostgreSQLInstance',
              },
              // The platform has not installed this offering's XRD in the cluster.
              redis: {
                apiVersion: 'platform.paved.dev/v1alpha1',
                kind: 'RedisInstance',
              },
            },
          },
        },
      },
    );
    const knex = await databases.init('SQLITE_3');
    store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
  });

  const collect = (now: string) =>
    collectClaims({
      config,
      store,
      logger: mockServices.logger.mock(),
      now: new Date(now),
    });

  it('tells self-service claims from hand-written ones, and reports what it could not read', async () => {
    await create('orders-db', {
      'paved.dev/scaffolder-task': 'task-1',
      'paved.dev/owner': 'group:default/checkout',
      'paved.dev/created-at': '2026-11-02T09:05:00Z',
    });
    await create('legacy-db', {});
    const { errors } = await collect('2026-11-23T00:00:00Z');
    const found = await ours();
    expect(found.map(c => [c.name, c.taskId, c.owner, c.component])).toEqual(
      expect.arrayContaining([
        ['orders-db', 'task-1', 'group:default/checkout', 'orders'],
        ['legacy-db', undefined, undefined, 'legacy'],
      ]),
    );
    expect(found.find(c => c.name === 'orders-db')?.createdAt).toBe(
      '2026-11-02T09:05:00.000Z',
    );
    // The missing CRD and the unreachable cluster, each named; PostgreSQL still counted.
    expect(errors).toEqual([
      expect.stringMatching(
        /RedisInstance[\s\S]*paved-local|paved-local[\s\S]*RedisInstance/,
      ),
      expect.stringMatching(/gone[\s\S]*https:\/\/127\.0\.0\.1:1/),
      expect.stringMatching(/gone/),
    ]);
    const status = (await store.collectorStatus()).find(
      s => s.collector === 'crossplane-claims',
    );
    expect(status?.lastError).toMatch(/RedisInstance/);
  });

  it('keeps a deleted claim, marked gone, so past periods still count it', async () => {
    await objects().deleteNamespacedCustomObject({
      ...claims,
      namespace: k8s.namespace,
      name: 'legacy-db',
    });
    await collect('2026-11-24T00:00:00Z');
    // Gone on the 24th: still there for a period starting before, not for one starting after.
    const before = await store.claims.claims({
      from: '2026-11-01',
      to: '2100-01-01',
    });
    const after = await store.claims.claims({
      from: '2026-11-25',
      to: '2100-01-01',
    });
    const names = (list: { namespace: string; name: string }[]) =>
      list
        .filter(c => c.namespace === k8s.namespace)
        .map(c => c.name)
        .sort();
    expect(names(before)).toEqual(['legacy-db', 'orders-db']);
    expect(names(after)).toEqual(['orders-db']);
  });
});
