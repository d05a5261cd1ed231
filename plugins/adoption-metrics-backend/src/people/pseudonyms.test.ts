import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { createHmac } from 'node:crypto';
import { UsageStore } from '../usage/UsageStore';
import { Pseudonyms } from './pseudonyms';

jest.setTimeout(60_000);

describe('Pseudonyms', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'makes a salt once and keeps it across restarts and replicas (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await UsageStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      // Two replicas starting together.
      const [a, b] = await Promise.all([
        new Pseudonyms(knex).of('user:default/alice'),
        new Pseudonyms(knex).of('user:default/alice'),
      ]);
      expect(a).toBe(b);
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(a).not.toContain('alice');
      // After a restart.
      const restarted = new Pseudonyms(knex);
      expect(await restarted.of('user:default/Alice')).toBe(a);
      expect(await restarted.of('user:default/bob')).not.toBe(a);
      const salts = await knex('adoption_secrets');
      expect(salts).toHaveLength(1);
      expect(a).toBe(
        createHmac('sha256', salts[0].value)
          .update('user:default/alice')
          .digest('hex'),
      );
    },
  );

  it('uses the configured salt instead of the stored one', async () => {
    const knex = await databases.init('SQLITE_3');
    await UsageStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const salt = 'a-configured-secret-salt';
    expect(await new Pseudonyms(knex, salt).of('user:default/alice')).toBe(
      createHmac('sha256', salt).update('user:default/alice').digest('hex'),
    );
    expect(await knex('adoption_secrets')).toHaveLength(0);
  });
});
