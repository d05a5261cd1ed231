// Every query parameter and body field of every route, through the running plugin: NaN, negative
// and overflowing numbers, bogus days, spans over 366 days, prototype keys and oversize bodies are
// refused with 4xx naming the field, and change nothing.
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPeopleBackend } from './people/__testUtils__/peopleBackend';

jest.setTimeout(120_000);

const alice = mockCredentials.user.header('user:default/alice');
const event = {
  action: 'navigate',
  subject: '/catalog',
  context: { pluginId: 'catalog' },
};

describe('adoption-metrics input checks', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: any;
  let knex: any;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    server = await startPeopleBackend({ knex });
  });

  const get = (path: string) =>
    request(server)
      .get(`/api/adoption-metrics${path}`)
      .set('authorization', alice);

  const rangeCases: Array<[string, RegExp]> = [
    [
      'days=NaN',
      /^Invalid query: days: must be a whole number of days from 1 to 366$/,
    ],
    ['days=-1', /days: must be a whole number/],
    ['days=0', /days: must be a whole number/],
    ['days=367', /days: must be a whole number/],
    ['days=1e9', /days: must be a whole number/],
    ['days=99999999999999999999999', /days: must be a whole number/],
    ['days=0x10', /days: must be a whole number/],
    ['days=1&days=2', /days: must be a whole number/],
    ['from=2026-02-31&to=2026-03-10', /from: is not a calendar day/],
    ['from=2026-13-01&to=2026-12-10', /from: is not a calendar day/],
    [
      'from=0050-01-01&to=0050-02-01',
      /from: is not a calendar day \(from 1970 on\)/,
    ],
    ['from=yesterday&to=2026-03-10', /from: must be a day written YYYY-MM-DD/],
    [
      'from=2026-01-01&to=2026-01-01T00:00',
      /to: must be a day written YYYY-MM-DD/,
    ],
    [
      'from=2024-01-01&to=2026-01-01',
      /from, to: the range 2024-01-01 – 2026-01-01 is \d+ days; pick at most 366/,
    ],
    ['from=2026-03-10', /from and to go together/],
    ['quarter=2026-Q5', /quarter: must be a quarter such as 2026-Q4/],
    ['quarter=0050-Q1', /quarter: must be a quarter from 1970 on/],
    ['timeZone=Mars/Olympus', /timeZone: must be an IANA time zone/],
    [`timeZone=${'A'.repeat(5000)}`, /timeZone: must be an IANA time zone/],
    ['owner=checkout', /owner: must be a group ref/],
    [`owner=group:default/${'a'.repeat(300)}`, /owner: must be a group ref/],
    [
      '__proto__[days]=9',
      /^Invalid query: __proto__: is not a parameter of this route$/,
    ],
    ['__proto__=x', /__proto__: is not a parameter/],
    ['constructor=x', /constructor: is not a parameter/],
    ['prototype[x]=1', /prototype: is not a parameter/],
    ['dayz=7', /Unrecognized key: "dayz"/],
  ];

  it.each(['/summary', '/usage'])(
    '%s refuses each bad parameter by name',
    async route => {
      for (const [query, message] of rangeCases) {
        const res = await get(`${route}?${query}`);
        expect({
          query,
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          query,
          status: 400,
          message: expect.stringMatching(message),
        });
      }
    },
  );

  it('/summary and /usage answer a good range', async () => {
    expect((await get('/summary?days=28&timeZone=Europe/Berlin')).status).toBe(
      200,
    );
    expect((await get('/usage?from=2026-01-01&to=2026-03-31')).status).toBe(
      200,
    );
  });

  it.each([
    ['', /entityRef: must be a component ref/],
    ['entityRef=orders-api', /entityRef: must be a component ref/],
    [
      `entityRef=component:default/${'a'.repeat(300)}`,
      /entityRef: must be a component ref/,
    ],
    [
      'entityRef=component:default/orders-api&days=-5',
      /days: must be a whole number/,
    ],
    [
      'entityRef=component:default/orders-api&constructor=1',
      /constructor: is not a parameter/,
    ],
  ])('/component?%s is refused by name', async (query, message) => {
    const res = await get(`/component?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    ['quarter=2026-Q9', /quarter: must be a quarter/],
    ['owner=payments', /owner: must be a group ref/],
    ['__proto__[quarter]=2026-Q1', /__proto__: is not a parameter/],
    ['team=x', /Unrecognized key: "team"/],
  ])('/survey/results?%s is refused by name', async (query, message) => {
    const res = await get(`/survey/results?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('/survey/status refuses a parameter it does not take', async () => {
    const res = await get('/survey/status?constructor=1');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/constructor: is not a parameter/);
  });

  const post = (path: string, body: string | object) =>
    request(server)
      .post(`/api/adoption-metrics${path}`)
      .set('authorization', alice)
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it.each([
    ['no events', { events: [] }, /events: send at least one event/],
    [
      '101 events',
      { events: Array(101).fill(event) },
      /events: send at most 100/,
    ],
    ['events not a list', { events: 'x' }, /events:/],
    [
      'a prototype key',
      '{"__proto__": {"x": 1}, "events": []}',
      /Unrecognized key: "__proto__"/,
    ],
    [
      'a prototype key in an event',
      `{"events": [{"action": "a", "subject": "", "context": {"pluginId": "p", "__proto__": {"x": 1}}}]}`,
      /events\.0\.context: Unrecognized key: "__proto__"/,
    ],
    [
      'a constructor key',
      { events: [event], constructor: 'x' },
      /Unrecognized key: "constructor"/,
    ],
    [
      'a plugin id over 100 characters',
      { events: [{ ...event, context: { pluginId: 'p'.repeat(101) } }] },
      /events\.0\.context\.pluginId:/,
    ],
    [
      'a subject over 500 characters',
      { events: [{ ...event, subject: 's'.repeat(501) }] },
      /events\.0\.subject:/,
    ],
    ['broken JSON', '{"events": [', /body: is not valid JSON/],
  ])(
    'POST /events refuses %s by name and records nothing',
    async (_name, body, message) => {
      const res = await post('/events', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await knex('adoption_usage_hours')).toHaveLength(0);
    },
  );

  it('POST /events refuses a body over its limit with 413, saying the limit', async () => {
    const res = await post('/events', {
      events: [{ ...event, subject: 'x'.repeat(300_000) }],
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(
      /^body: at most 200kb of JSON; send .* at most 100 events/,
    );
    expect(await knex('adoption_usage_hours')).toHaveLength(0);
  });

  it.each([
    [
      'a score as text',
      '{"score": "NaN"}',
      /score: must be a whole number from 0 to 10/,
    ],
    [
      'a negative score',
      { score: -1 },
      /score: must be a whole number from 0 to 10/,
    ],
    [
      'an overflowing score',
      '{"score": 1e400}',
      /score: must be a whole number from 0 to 10/,
    ],
    [
      'a huge score',
      { score: Number.MAX_SAFE_INTEGER + 2 },
      /score: must be a whole number from 0 to 10/,
    ],
    [
      'a prototype key',
      '{"score": 5, "__proto__": {"team": "x"}}',
      /Unrecognized key: "__proto__"/,
    ],
    [
      'a constructor key',
      { score: 5, constructor: { team: 'x' } },
      /Unrecognized key: "constructor"/,
    ],
    [
      'an improvement over 1000 characters',
      { score: 5, improvement: 'x'.repeat(1001) },
      /improvement: at most 1000/,
    ],
    ['broken JSON', '{"score": ', /body: is not valid JSON/],
  ])(
    'POST /survey refuses %s by name and stores nothing',
    async (_name, body, message) => {
      const res = await post('/survey', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await knex('adoption_survey_answers')).toHaveLength(0);
    },
  );

  it('POST /survey refuses a body over its limit with 413, saying the limit', async () => {
    const res = await post('/survey', {
      score: 5,
      improvement: 'x'.repeat(20_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/^body: at most 16kb of JSON/);
    expect(await knex('adoption_survey_answers')).toHaveLength(0);
  });
});
