import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { UsageStore } from './UsageStore';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);
const docs = { pluginId: 'techdocs', action: 'navigate' };
const catalog = { pluginId: 'catalog', action: 'click' };

describe('UsageStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function storeOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database.mock({
      getClient: async () => knex,
    });
    return { knex, store: await UsageStore.create(database) };
  }

  it.each(databases.eachSupportedId())(
    'keeps one row per person and hour, and counts every event (%p)',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      const team = 'group:default/checkout';
      await store.record({
        at: at('2026-11-24T09:05:00Z'),
        pseudonym: 'p1',
        team,
        events: [docs, docs, catalog],
      });
      await store.record({
        at: at('2026-11-24T09:55:00Z'),
        pseudonym: 'p1',
        team,
        events: [docs],
      });
      await store.record({
        at: at('2026-11-24T10:01:00Z'),
        pseudonym: 'p1',
        team,
        events: [docs],
      });
      await store.record({
        at: at('2026-11-24T09:30:00Z'),
        pseudonym: 'p2',
        events: [catalog],
      });

      const hours = await knex('adoption_usage_hours').orderBy([
        'hour',
        'pseudonym',
      ]);
      expect(hours).toEqual([
        { hour: '2026-11-24T09:00:00.000Z', pseudonym: 'p1', team },
        { hour: '2026-11-24T09:00:00.000Z', pseudonym: 'p2', team: null },
        { hour: '2026-11-24T10:00:00.000Z', pseudonym: 'p1', team },
      ]);
      expect(
        await store.topPlugins({
          fromDay: '2026-11-24',
          toDay: '2026-11-24',
          limit: 10,
        }),
      ).toEqual([
        { pluginId: 'techdocs', events: 4 },
        { pluginId: 'catalog', events: 2 },
      ]);
      expect(
        await store.topPlugins({
          fromDay: '2026-11-24',
          toDay: '2026-11-24',
          team,
          limit: 10,
        }),
      ).toEqual([
        { pluginId: 'techdocs', events: 4 },
        { pluginId: 'catalog', events: 1 },
      ]);
      expect(
        await store.activity({
          from: '2026-11-24T00:00:00Z',
          to: '2026-11-25T00:00:00Z',
          team,
        }),
      ).toHaveLength(2);
      expect(
        await store.firstSeen({
          from: '2026-11-24T00:00:00Z',
          to: '2026-11-25T00:00:00Z',
        }),
      ).toEqual(
        new Map([
          ['p1', '2026-11-24T09:00:00.000Z'],
          ['p2', '2026-11-24T09:00:00.000Z'],
        ]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'loses nothing when the backend restarts (%p)',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      await store.record({
        at: at('2026-11-23T22:10:00Z'),
        pseudonym: 'p1',
        events: [docs],
      });
      const restarted = await UsageStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      await restarted.record({
        at: at('2026-11-23T22:40:00Z'),
        pseudonym: 'p1',
        events: [docs],
      });
      expect(
        await restarted.activity({
          from: '2026-11-23T00:00:00Z',
          to: '2026-11-24T00:00:00Z',
        }),
      ).toEqual([{ person: 'p1', at: '2026-11-23T22:00:00.000Z' }]);
      expect(
        await restarted.topPlugins({
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          limit: 1,
        }),
      ).toEqual([{ pluginId: 'techdocs', events: 2 }]);
    },
  );
});
