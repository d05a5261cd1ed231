import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { AdoptionStore } from './AdoptionStore';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@internal/plugin-adoption-metrics-backend',
  'migrations',
);
// The migrations applied before long values became text.
const APPLIED_BEFORE = 5;

const long = (prefix: string) => `${prefix}${'x'.repeat(2000 - prefix.length)}`;

describe('catalog values longer than 255 characters', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'are written into a snapshot and read back, after upgrading a database with the old schema (%p)',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < APPLIED_BEFORE; i++) {
        await knex.migrate.up({ directory: migrationsDir });
      }
      const [, pending] = await knex.migrate.list({ directory: migrationsDir });
      expect(pending.map((m: { file: string }) => m.file)).toEqual([
        '20261201090000_long_catalog_values.js',
      ]);
      // A snapshot and a group written under the old schema survive the upgrade.
      await knex('adoption_catalog_snapshots').insert({
        day: '2026-11-20',
        entity_ref: 'component:default/old',
        owner: 'group:default/payments',
        type: 'service',
        source_template: 'template:default/new-microservice',
      });
      await knex('adoption_groups').insert({
        ref: 'group:default/payments',
        title: 'Payments',
      });

      const store = await AdoptionStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      const row = {
        entityRef: 'component:default/long',
        owner: long('group:default/'),
        type: long('service-'),
        sourceTemplate: long('template:default/'),
      };
      await store.saveSnapshot('2026-11-21', [row]);
      expect((await store.snapshot('2026-11-21')).rows).toEqual([row]);
      expect(
        await knex('adoption_catalog_snapshots')
          .where('entity_ref', 'component:default/old')
          .first(),
      ).toMatchObject({
        owner: 'group:default/payments',
        source_template: 'template:default/new-microservice',
      });

      await store.groups.replace([
        { ref: 'group:default/payments', title: long('Payments ') },
      ]);
      expect((await store.groups.all())[0].title).toHaveLength(2000);
    },
  );
});
