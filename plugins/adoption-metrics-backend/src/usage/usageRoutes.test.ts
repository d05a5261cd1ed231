// POST /events and GET /usage through the running plugin: the person comes from the token, never
// from the body; bad input is refused with what is wrong; reading needs the permission.
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startPeopleBackend } from '../people/__testUtils__/peopleBackend';

jest.setTimeout(60_000);

const alice = mockCredentials.user.header('user:default/alice');
const bob = mockCredentials.user.header('user:default/bob');
const event = (pluginId = 'catalog', action = 'navigate') => ({
  action,
  subject: '/catalog',
  context: { pluginId, extensionId: `page:${pluginId}`, routeRef: 'unknown' },
});

describe('usage routes', () => {
  // The routes stamp events with the clock: start it mid-hour, mid-day and mid-quarter, so a run
  // near an hour, a midnight or a quarter's end cannot split what the test expects together.
  beforeAll(() =>
    jest.useFakeTimers({
      now: new Date('2026-11-18T10:20:00Z'),
      advanceTimers: true,
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    }),
  );
  afterAll(() => jest.useRealTimers());

  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(
    options: Omit<Parameters<typeof startPeopleBackend>[0], 'knex'> = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    return { knex, server: await startPeopleBackend({ knex, ...options }) };
  }

  const post = (server: any, auth: string, body: object) =>
    request(server)
      .post('/api/adoption-metrics/events')
      .set('authorization', auth)
      .send(body);

  it('stores the caller from their token as a salted pseudonym, once per hour, with their team', async () => {
    const { knex, server } = await start();
    const res = await post(server, alice, {
      events: [event(), event('techdocs'), event()],
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 3 });
    expect((await post(server, alice, { events: [event()] })).status).toBe(202);

    const [{ value: salt }] = await knex('adoption_secrets');
    const rows = await knex('adoption_usage_hours');
    expect(rows).toEqual([
      {
        hour: expect.stringMatching(/T\d\d:00:00\.000Z$/),
        pseudonym: createHmac('sha256', salt)
          .update('user:default/alice')
          .digest('hex'),
        team: 'group:default/checkout',
      },
    ]);
    expect(JSON.stringify(await knex('adoption_usage_counts'))).not.toContain(
      'alice',
    );
  });

  it.each([
    [
      'a user ref in the body',
      { events: [event()], user: 'user:default/mallory' },
      /Unrecognized key.*user/,
    ],
    [
      'a user ref in an event',
      { events: [{ ...event(), userEntityRef: 'user:default/mallory' }] },
      /events\.0: Unrecognized key/,
    ],
    ['no events', { events: [] }, /send at least one event/],
    [
      '101 events',
      { events: Array.from({ length: 101 }, () => event()) },
      /at most 100 events/,
    ],
    [
      'a subject of 501 characters',
      { events: [{ ...event(), subject: 'x'.repeat(501) }] },
      /events\.0\.subject/,
    ],
    [
      'an event without a plugin id',
      { events: [{ action: 'click', subject: '/', context: {} }] },
      /events\.0\.context\.pluginId/,
    ],
    ['a bare array', [event()], /expected object/],
  ])(
    'refuses %s, saying what is wrong, and stores nothing',
    async (_name, body, message) => {
      const { knex, server } = await start();
      const res = await post(server, alice, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await knex('adoption_usage_hours')).toEqual([]);
    },
  );

  it('refuses a body that is not JSON', async () => {
    const { server } = await start();
    const res = await request(server)
      .post('/api/adoption-metrics/events')
      .set('authorization', alice)
      .set('content-type', 'application/json')
      .send('{"events": [');
    expect(res.status).toBe(400);
  });

  it('takes events from signed-in people only', async () => {
    const { server } = await start();
    expect(
      (
        await post(server, mockCredentials.service.header(), {
          events: [event()],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .post('/api/adoption-metrics/events')
          .set('authorization', mockCredentials.none.header())
          .send({ events: [event()] })
      ).status,
    ).toBe(401);
  });

  it('serves DAU, WAU and MAU against the catalog Users, per team, and the plugins used', async () => {
    const { server } = await start();
    await post(server, alice, { events: [event(), event('techdocs')] });
    await post(server, bob, { events: [event('techdocs'), event('techdocs')] });

    const res = await request(server)
      .get('/api/adoption-metrics/usage?days=7&timeZone=Europe/Berlin')
      .set('authorization', alice);
    expect(res.status).toBe(200);
    expect(res.body.eligible).toEqual({
      people: 3,
      source: 'User entities in the catalog',
    });
    expect(res.body.daily).toHaveLength(7);
    expect(res.body.daily[6].active).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    expect(res.body.daily[6].newPeople).toBe(2);
    expect(res.body.wau).toMatchObject({ numerator: 2, denominator: 3 });
    expect(res.body.mau).toMatchObject({ numerator: 2, denominator: 3 });
    expect(res.body.topPlugins).toEqual([
      { pluginId: 'techdocs', events: 3 },
      { pluginId: 'catalog', events: 1 },
    ]);
    expect(res.body.source).toMatch(/Analytics API/);

    const team = await request(server)
      .get('/api/adoption-metrics/usage?owner=group:default/checkout')
      .set('authorization', alice);
    expect(team.body.eligible).toEqual({
      people: 2,
      source: 'members of group:default/checkout in the catalog',
    });
    expect(team.body.mau).toMatchObject({ numerator: 1, denominator: 2 });
    expect(team.body.topPlugins).toEqual([
      { pluginId: 'catalog', events: 1 },
      { pluginId: 'techdocs', events: 1 },
    ]);
  });

  it('uses a configured eligible population', async () => {
    const { server } = await start({ config: { eligiblePeople: 40 } });
    const res = await request(server)
      .get('/api/adoption-metrics/usage')
      .set('authorization', alice);
    expect(res.body.eligible).toEqual({
      people: 40,
      source: 'configured (adoptionMetrics.eligiblePeople)',
    });
    expect(res.body.daily).toHaveLength(28);
  });

  it.each([
    ['?days=0', /days/],
    ['?timeZone=Mars/Olympus', /IANA time zone/],
    ['?owner=checkout', /must be a group ref/],
  ])('refuses /usage%s, saying what is wrong', async (query, message) => {
    const { server } = await start();
    const res = await request(server)
      .get(`/api/adoption-metrics/usage${query}`)
      .set('authorization', alice);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses readers without the read permission', async () => {
    const { server } = await start({ deny: ['adoption.metrics.read'] });
    const res = await request(server)
      .get('/api/adoption-metrics/usage')
      .set('authorization', alice);
    expect(res.status).toBe(403);
    // Sending events needs adoption.usage.record, not the read permission.
    expect((await post(server, alice, { events: [event()] })).status).toBe(202);
  });
});
