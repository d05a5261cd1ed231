// Where the pseudonym salt comes from, through the running plugin: config in production (or no
// start), the stored salt with a warning on a laptop.
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startPeopleBackend } from './__testUtils__/peopleBackend';
import { pseudonymSaltSource } from './pseudonymSalt';

jest.setTimeout(60_000);

const SALT = 'f3a9c1e07b5d42e8a6c3b9d1e4f70a2c';
const alice = mockCredentials.user.header('user:default/alice');
const events = {
  events: [
    { action: 'navigate', subject: '/', context: { pluginId: 'catalog' } },
  ],
};

describe('the pseudonym salt', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('refuses to start in production without adoptionMetrics.pseudonymSalt, saying to set PAVED_PSEUDONYM_SALT', async () => {
    process.env.NODE_ENV = 'production';
    const knex = await databases.init('SQLITE_3');
    await expect(startPeopleBackend({ knex })).rejects.toThrow(
      /adoptionMetrics\.pseudonymSalt is not set.*set PAVED_PSEUDONYM_SALT to at least 32 random characters/,
    );
  });

  it('in production, uses the configured salt and stores none in the database', async () => {
    process.env.NODE_ENV = 'production';
    const knex = await databases.init('SQLITE_3');
    const server = await startPeopleBackend({
      knex,
      config: { pseudonymSalt: SALT },
    });
    const res = await request(server)
      .post('/api/adoption-metrics/events')
      .set('authorization', alice)
      .send(events);
    expect(res.status).toBe(202);
    const [row] = await knex('adoption_usage_hours');
    expect(row.pseudonym).toBe(
      createHmac('sha256', SALT).update('user:default/alice').digest('hex'),
    );
    expect(await knex('adoption_secrets')).toEqual([]);
  });

  it('refuses a salt shorter than 32 characters without showing it', async () => {
    const knex = await databases.init('SQLITE_3');
    const short = 'short-but-secret-salt';
    const start = startPeopleBackend({
      knex,
      config: { pseudonymSalt: short },
    });
    await expect(start).rejects.toThrow(
      /adoptionMetrics\.pseudonymSalt: must be at least 32 characters/,
    );
    await expect(start).rejects.not.toThrow(short);
  });

  it('on a laptop, falls back to the stored salt and says so in the log', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startPeopleBackend({ knex });
    expect(
      (
        await request(server)
          .post('/api/adoption-metrics/events')
          .set('authorization', alice)
          .send(events)
      ).status,
    ).toBe(202);
    const [{ value: stored }] = await knex('adoption_secrets');
    const [row] = await knex('adoption_usage_hours');
    expect(row.pseudonym).toBe(
      createHmac('sha256', stored).update('user:default/alice').digest('hex'),
    );

    const logger = mockServices.logger.mock();
    expect(pseudonymSaltSource({ logger, nodeEnv: 'development' })).toBe(
      undefined,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /pseudonymSalt is not set: using the salt stored in the plugin database/,
      ),
    );
  });
});
