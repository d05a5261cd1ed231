import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CostStore } from './CostStore';
import { ClusterPass, CostSample, CountedDetails } from './types';

jest.setTimeout(60_000);

const HOUR = '2026-11-23T10:00:00Z';

const sample = (
  component: string | undefined,
  total: number,
  extra: Partial<CostSample> = {},
): CostSample => ({
  hour: HOUR,
  cluster: 'paved-local',
  namespace: 'orders',
  component,
  owner: component ? 'group:default/checkout' : undefined,
  kind: component ? 'component' : 'unallocated',
  currency: 'USD',
  cpu: total / 2,
  memory: total / 2,
  storage: 0,
  gpu: 0,
  databases: 0,
  other: 0,
  total,
  method: 'requests',
  complete: true,
  ...extra,
});

const pass = (extra: Partial<ClusterPass> = {}): ClusterPass => ({
  hour: HOUR,
  cluster: 'paved-local',
  method: 'requests',
  complete: true,
  attemptedAt: '2026-11-23T10:05:00Z',
  ...extra,
});

const counted = (component: string, pods: string[]): CountedDetails => ({
  cluster: 'paved-local',
  namespace: 'orders',
  component,
  hour: HOUR,
  complete: true,
  workloads: pods.map(name => ({
    kind: 'Pod',
    name,
    method: 'requests',
    cost: 0.02,
  })),
  volumes: [],
  claims: [],
  notCounted: [],
});

const filter = { from: '2026-11-01', to: '2026-12-01', currency: 'USD' };

describe('CostStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function storeOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database.mock({
      getClient: async () => knex,
    });
    return { knex, store: await CostStore.create(database) };
  }

  it.each(databases.eachSupportedId())(
    'records an hour once however often a pass runs, unallocated included (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const samples = [
        sample('component:default/orders-api', 0.04),
        sample(undefined, 0.01),
      ];
      await store.saveClusterHour({ pass: pass(), samples, counted: [] });
      await store.saveClusterHour({ pass: pass(), samples, counted: [] });
      const byComponent = await store.samples.totals('component', filter);
      expect(byComponent.map(t => [t.key, t.kind, t.total, t.hours])).toEqual([
        ['', 'unallocated', 0.01, 1],
        ['component:default/orders-api', 'component', 0.04, 1],
      ]);
      // Another hour adds; a sample in another currency is not summed with these.
      await store.saveClusterHour({
        pass: pass({ hour: '2026-11-23T11:00:00Z' }),
        samples: [
          sample('component:default/orders-api', 0.05, {
            hour: '2026-11-23T11:00:00Z',
          }),
          sample('component:default/cart', 9, {
            hour: '2026-11-23T11:00:00Z',
            currency: 'EUR',
          }),
        ],
        counted: [],
      });
      const [day] = await store.samples.totals('day', {
        ...filter,
        kinds: ['component'],
      });
      expect(day).toMatchObject({ key: '2026-11-23', hours: 2 });
      expect(day.total).toBeCloseTo(0.09, 10);
      expect(
        await store.samples.latestHour({
          ...filter,
          components: ['component:default/orders-api'],
        }),
      ).toBe('2026-11-23T11:00:00Z');
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a complete hour when a later pass fails, and marks a failed hour incomplete (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.saveClusterHour({
        pass: pass(),
        samples: [sample('component:default/orders-api', 0.04)],
        counted: [counted('component:default/orders-api', ['a', 'b'])],
      });
      const failed = pass({
        complete: false,
        error: 'cluster paved-local unreachable',
        attemptedAt: '2026-11-23T10:35:00Z',
      });
      expect(
        await store.saveClusterHour({ pass: failed, samples: [], counted: [] }),
      ).toBe('kept');
      const [kept] = await store.passes({ from: HOUR, to: '2026-11-24' });
      expect(kept).toMatchObject({
        complete: true,
        error: expect.stringMatching(/unreachable/),
      });

      // The next hour fails part-way: what was seen is stored, marked incomplete.
      const next = '2026-11-23T11:00:00Z';
      await store.saveClusterHour({
        pass: { ...failed, hour: next },
        samples: [
          sample('component:default/orders-api', 0.02, {
            hour: next,
            complete: false,
          }),
        ],
        counted: [counted('component:default/orders-api', ['a'])],
      });
      const hours = await store.samples.totals('hour', filter);
      expect(hours.map(h => [h.key, h.incompleteSamples])).toEqual([
        [HOUR, 0],
        [next, 1],
      ]);
      expect(await store.latestPasses()).toEqual([
        expect.objectContaining({ hour: next, complete: false }),
      ]);
      const [details] = await store.counted('component:default/orders-api');
      expect(details.workloads.map(w => w.name)).toEqual(['a']);
    },
  );

  it.each(databases.eachSupportedId())(
    'loses nothing when the backend restarts (%p)',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      await store.saveClusterHour({
        pass: pass({ note: 'metrics.k8s.io not served' }),
        samples: [sample('component:default/orders-api', 0.04)],
        counted: [counted('component:default/orders-api', ['a'])],
      });
      // A new store on the same database, as after a restart (migrations run again).
      const restarted = await CostStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      expect(
        (await restarted.samples.totals('owner', filter)).map(t => t.key),
      ).toEqual(['group:default/checkout']);
      expect(await restarted.latestPasses()).toEqual([
        expect.objectContaining({ note: 'metrics.k8s.io not served' }),
      ]);
      expect(await restarted.counted('component:default/orders-api')).toEqual([
        counted('component:default/orders-api', ['a']),
      ]);
      expect(await restarted.samples.sources(filter)).toEqual([
        { cluster: 'paved-local', method: 'requests' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores catalog and cluster names of 2000 characters (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const long = (prefix: string) => `${prefix}${'x'.repeat(2000)}`;
      const component = long('component:default/');
      const owner = long('group:default/');
      const cluster = long('cluster-');
      const namespace = long('ns-');
      const method = long('method-');
      await store.saveClusterHour({
        pass: pass({ cluster, method }),
        samples: [
          sample(component, 0.04, { owner, cluster, namespace, method }),
        ],
        counted: [{ ...counted(component, ['a']), cluster, namespace }],
      });
      const [byOwner] = await store.samples.totals('owner', filter);
      expect(byOwner.key).toBe(owner);
      expect(await store.samples.sources(filter)).toEqual([
        { cluster, method },
      ]);
      expect(await store.latestPasses()).toEqual([
        expect.objectContaining({ cluster, method }),
      ]);
      const [details] = await store.counted(component);
      expect(details).toMatchObject({ cluster, namespace, component });
    },
  );
});
