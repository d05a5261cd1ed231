// The survey through the running plugin: once a quarter per person (a second answer is a 409),
// bad answers refused with what is wrong, results hidden below the minimum and behind the permission.
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startPeopleBackend } from '../people/__testUtils__/peopleBackend';
import { quarterOf } from './quarter';

jest.setTimeout(60_000);

const alice = mockCredentials.user.header('user:default/alice');
const bob = mockCredentials.user.header('user:default/bob');
const carol = mockCredentials.user.header('user:default/carol');
const quarter = quarterOf(new Date());

describe('survey routes', () => {
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
  const status = (server: any, auth: string) =>
    request(server)
      .get('/api/adoption-metrics/survey/status')
      .set('authorization', auth);
  const answer = (server: any, auth: string, body: object) =>
    request(server)
      .post('/api/adoption-metrics/survey')
      .set('authorization', auth)
      .send(body);
  const results = (server: any, query = '') =>
    request(server)
      .get(`/api/adoption-metrics/survey/results${query}`)
      .set('authorization', alice);

  it('asks each person once a quarter; a second answer is refused with 409', async () => {
    const { knex, server } = await start();
    expect((await status(server, alice)).body).toEqual({
      quarter,
      enabled: true,
      ask: true,
    });
    const sent = await answer(server, alice, {
      score: 9,
      improvement: 'Faster builds',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ quarter, recorded: 'answer' });
    expect((await status(server, alice)).body.ask).toBe(false);
    const again = await answer(server, alice, { score: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      `You already answered or dismissed the survey of ${quarter}`,
    );

    expect((await answer(server, bob, { dismissed: true })).body).toEqual({
      quarter,
      recorded: 'dismissal',
    });
    expect((await status(server, bob)).body.ask).toBe(false);
    expect((await answer(server, bob, { score: 5 })).status).toBe(409);

    expect(await knex('adoption_survey_answers')).toEqual([
      expect.objectContaining({
        score: 9,
        improvement: 'Faster builds',
        team: 'group:default/checkout',
      }),
    ]);
    expect(await knex('adoption_survey_asked')).toHaveLength(2);
  });

  it.each([
    [
      'a score above 10',
      { score: 11 },
      /score: must be a whole number from 0 to 10/,
    ],
    ['a fractional score', { score: 7.5 }, /score: must be a whole number/],
    ['no score', {}, /score: must be a whole number/],
    [
      'a long improvement',
      { score: 5, improvement: 'x'.repeat(1001) },
      /improvement: at most 1000/,
    ],
    [
      'a user ref',
      { score: 5, userEntityRef: 'user:default/bob' },
      /Unrecognized key/,
    ],
    ['dismissed: false', { dismissed: false }, /dismissed/],
  ])('refuses %s, saying what is wrong', async (_name, body, message) => {
    const { server } = await start();
    const res = await answer(server, alice, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await status(server, alice)).body.ask).toBe(true);
  });

  it('takes answers from signed-in people only', async () => {
    const { server } = await start();
    const res = await answer(server, mockCredentials.service.header(), {
      score: 5,
    });
    expect(res.status).toBe(403);
  });

  it('hides the results below the minimum, and shows them without team or day above it', async () => {
    const { server } = await start({ config: { survey: { minResponses: 2 } } });
    await answer(server, alice, { score: 10, improvement: 'Docs search' });
    const few = await results(server);
    expect(few.status).toBe(200);
    expect(few.body).toEqual({
      quarter,
      satisfaction: { hidden: true, responses: 1, minResponses: 2 },
      source: expect.stringMatching(/without identity/),
    });

    await answer(server, bob, { score: 6, improvement: '  ' });
    await answer(server, carol, { dismissed: true });
    const enough = await results(server, `?quarter=${quarter}`);
    expect(enough.body.satisfaction).toMatchObject({
      hidden: false,
      responses: 2,
      mean: 8,
      npsStyleScore: 0,
    });
    expect(enough.body.satisfaction.distribution[10]).toBe(1);
    expect(enough.body.improvements).toEqual(['Docs search']);

    // One answer from checkout: below the minimum for the team.
    const team = await results(server, '?owner=group:default/checkout');
    expect(team.body.satisfaction.hidden).toBe(true);
    expect(team.body.improvements).toBeUndefined();
  });

  it('refuses results without the read permission, and a bad quarter', async () => {
    const denied = await start({ permission: AuthorizeResult.DENY });
    expect((await results(denied.server)).status).toBe(403);
    const { server } = await start();
    const bad = await results(server, '?quarter=2026-Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /quarter: must be a quarter such as 2026-Q4/,
    );
  });

  it('asks nobody when switched off', async () => {
    const { server } = await start({ config: { survey: { enabled: false } } });
    expect((await status(server, alice)).body).toEqual({
      quarter,
      enabled: false,
      ask: false,
    });
    expect((await answer(server, alice, { score: 5 })).status).toBe(404);
  });
});
