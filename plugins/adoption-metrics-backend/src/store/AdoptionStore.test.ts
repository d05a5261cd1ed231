import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { AdoptionStore, DeployRow } from './AdoptionStore';

jest.setTimeout(60_000);

const deploy = (
  id: number,
  outcome: 'succeeded' | 'failed' = 'succeeded',
): DeployRow => ({
  cluster: 'paved-local',
  namespace: 'argocd',
  application: 'orders-api-production',
  eventKey: `sync:${id}:2026-11-${10 + id}T10:00:00Z`,
  component: 'orders-api',
  environment: 'production',
  outcome,
  revision: `r${id}`,
  at: `2026-11-${10 + id}T10:00:00.000Z`,
  commitTimes: [`2026-11-${10 + id}T08:00:00.000Z`],
});

describe('AdoptionStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function storeOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database.mock({
      getClient: async () => knex,
    });
    return { knex, store: await AdoptionStore.create(database) };
  }

  it.each(databases.eachSupportedId())(
    'keeps each deploy once, however often it is seen (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      expect(await store.addDeploys([deploy(1), deploy(2)])).toBe(2);
      expect(await store.addDeploys([deploy(2), deploy(3)])).toBe(1);
      const rows = await store.deploys({
        environment: 'production',
        from: '2026-11-01T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      });
      expect(rows.map(r => r.revision)).toEqual(['r1', 'r2', 'r3']);
      expect(rows[0].commitTimes).toEqual(['2026-11-11T08:00:00.000Z']);
    },
  );

  it.each(databases.eachSupportedId())(
    'loses nothing when the backend restarts (%p)',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      await store.addDeploys([deploy(1)]);
      await store.saveSnapshot('2026-11-20', [
        {
          entityRef: 'component:default/orders-api',
          owner: 'group:default/checkout',
          type: 'service',
        },
      ]);
      await store.recordRun(
        'argocd-history',
        'cluster paved-local unreachable',
      );
      // A new store on the same database, as after a restart (migrations run again).
      const restarted = await AdoptionStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      expect(await restarted.countDeploys()).toBe(1);
      expect((await restarted.snapshot('2026-11-23')).rows).toHaveLength(1);
      expect(await restarted.collectorStatus()).toEqual([
        expect.objectContaining({
          collector: 'argocd-history',
          lastError: 'cluster paved-local unreachable',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "replaces a day's snapshot and finds the latest one before a day (%p)",
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.saveSnapshot('2026-11-20', [
        { entityRef: 'component:default/a', type: 'service' },
      ]);
      await store.saveSnapshot('2026-11-21', [
        { entityRef: 'component:default/a', type: 'service' },
      ]);
      await store.saveSnapshot('2026-11-21', [
        { entityRef: 'component:default/a', type: 'service' },
        {
          entityRef: 'component:default/b',
          type: 'service',
          sourceTemplate: 'template:default/new-microservice',
        },
      ]);
      expect((await store.snapshot('2026-11-20')).rows).toHaveLength(1);
      const latest = await store.snapshot('2026-11-23');
      expect(latest.day).toBe('2026-11-21');
      expect(latest.rows).toHaveLength(2);
      await store.recordRun('catalog-snapshot');
      expect((await store.collectorStatus())[0].lastError).toBeUndefined();
    },
  );
});
