// The plugin as the backend runs it, on a database holding 62 days of hourly samples: the
// service, team and Cost Insights views, the price of a claim choice, what is missing when
// there is nothing to show, and refusals (400 naming the parameter, 403 without permission).
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  addDays,
  daysInMonth,
  utcDay,
} from '@internal/plugin-workload-cost-common';
import { Knex } from 'knex';
import request from 'supertest';
import { POSTGRESQL_OFFERING } from './__testUtils__/offerings';
import { seedHours } from './__testUtils__/seedCosts';
import { workloadCostPlugin } from './plugin';
import { CostStore } from './store/CostStore';

jest.setTimeout(120_000);

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {
    'backstage.io/kubernetes-id': name,
  },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const group = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [] },
});

const entities = [
  component('orders-api', 'checkout'),
  component('cart', 'group:default/payments'),
  component('legacy', 'checkout', {}),
  component('new-service', 'checkout'),
  group('checkout', { 'paved.dev/monthly-budget': '20 USD' }),
  group('payments'),
];

const CLUSTERS = [
  {
    type: 'config',
    clusters: [
      {
        name: 'paved-local',
        url: 'https://127.0.0.1:1',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'x',
      },
    ],
  },
];

describe('workload-cost backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    const store = await CostStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    // 0.04 an hour for orders-api (0.01 of it a database), 0.01 for cart, 0.005 unallocated.
    await seedHours(
      store,
      [
        {
          component: 'component:default/orders-api',
          owner: 'group:default/checkout',
          hourly: 0.04,
          databases: 0.01,
        },
        {
          component: 'component:default/cart',
          owner: 'group:default/payments',
          hourly: 0.01,
        },
        { namespace: 'kube-system', hourly: 0.005 },
      ],
      { days: 62 },
    );
    // A cluster that could not be reached this morning: the month is not complete.
    await store.saveClusterHour({
      pass: {
        hour: `${utcDay(new Date())}T00:00:00Z`,
        cluster: 'gone',
        method: 'requests',
        complete: false,
        error: 'connect ECONNREFUSED 127.0.0.1:1',
        attemptedAt: new Date().toISOString(),
      },
      samples: [],
      counted: [],
    });
  });

  async function start(
    options: {
      permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      clusters?: object[];
    } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        workloadCostPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({
          result: options.permission ?? AuthorizeResult.ALLOW,
        }),
        // No collection here: the samples are seeded.
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: { clusterLocatorMethods: options.clusters ?? CLUSTERS },
            paved: {
              goldenPath: { offerings: { postgresql: POSTGRESQL_OFFERING } },
            },
            workloadCost: { budgets: { 'group:default/payments': 1000 } },
          },
        }),
      ],
    });
    return server;
  }

  const get = (server: any, path: string) =>
    request(server)
      .get(`/api/workload-cost${path}`)
      .set('authorization', mockCredentials.user.header());

  const today = utcDay(new Date());
  const [year, month] = today.split('-').map(Number);
  const monthDays = daysInMonth(year, month);

  it("serves a service's run-rate, forecast, breakdown, last 30 days and what is counted", async () => {
    const server = await start();
    const res = await get(
      server,
      '/entity?entityRef=component:default/orders-api',
    );
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      entityRef: 'component:default/orders-api',
      currency: 'USD',
      method: 'requests',
      complete: true,
      runRate: { basis: 'last-7-days' },
    });
    expect(body.runRate.daily).toBeCloseTo(0.96, 10);
    expect(body.runRate.monthly).toBeCloseTo(0.96 * monthDays, 10);
    expect(body.forecast).toBeCloseTo(0.96 * monthDays, 10);
    expect(body.monthToDate).toBeCloseTo(
      0.96 * (Number(today.slice(8)) - 1),
      10,
    );
    expect(body.daily).toHaveLength(30);
    expect(body.daily[0]).toMatchObject({
      date: addDays(today, -29),
      partial: false,
    });
    expect(body.daily[29]).toMatchObject({ date: today, partial: true });
    expect(body.breakdown.databases).toBeCloseTo(body.breakdown.total / 4, 10);
    expect(body.source).toMatch(
      /paved-local: pod requests.*does not serve metrics\.k8s\.io/,
    );
    expect(body.whatIsCounted.workloads).toEqual([
      expect.objectContaining({ name: 'api-1', hourlyCost: 0.04 }),
    ]);
    expect(body.whatIsCounted.neverCounted).toMatch(/idle node capacity/);
  });

  it('says which annotation or configuration is missing instead of failing', async () => {
    const server = await start();
    const legacy = await get(
      server,
      '/entity?entityRef=component:default/legacy',
    );
    expect(legacy.status).toBe(200);
    expect(legacy.body.missing.reason).toMatch(
      /no backstage\.io\/kubernetes-id annotation/,
    );
    expect(legacy.body.missing.fix).toMatch(
      /add backstage\.io\/kubernetes-id: legacy/,
    );

    const unlabelled = await get(
      server,
      '/entity?entityRef=component:default/new-service',
    );
    expect(unlabelled.body.missing.reason).toMatch(
      /^No pod, volume or claim in .*paved-local.* is labelled backstage\.io\/kubernetes-id=new-service$/,
    );

    const noClusters = await start({ clusters: [] });
    const res = await get(
      noClusters,
      '/entity?entityRef=component:default/orders-api',
    );
    expect(res.body.missing.reason).toMatch(
      /No cluster in kubernetes\.clusterLocatorMethods/,
    );
    const unknown = await get(
      server,
      '/entity?entityRef=component:default/nope',
    );
    expect(unknown.status).toBe(404);
  });

  it("serves a team's services, trend and budget, warning before the forecast passes it", async () => {
    const server = await start();
    const res = await get(server, '/group?entityRef=group:default/checkout');
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: any) => s.entityRef)).toEqual([
      'component:default/orders-api',
    ]);
    expect(res.body.daily).toHaveLength(30);
    expect(res.body.budget).toMatchObject({
      source: 'the paved.dev/monthly-budget annotation',
      budget: 20,
      status: 'over',
      warning: expect.stringMatching(
        /^The forecast of \$[\d.,]+ passes the budget of \$20\.00/,
      ),
    });
    const payments = await get(
      server,
      '/group?entityRef=group:default/payments',
    );
    expect(payments.body.budget).toMatchObject({
      source: 'workloadCost.budgets["group:default/payments"]',
      status: 'within',
    });
    expect(payments.body.budget.warning).toBeUndefined();
  });

  it('serves a month per team, with unallocated apart', async () => {
    const server = await start();
    const res = await get(server, `/teams?month=${today.slice(0, 7)}`);
    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: any) => [t.owner, t.services])).toEqual([
      ['group:default/checkout', 1],
      ['group:default/payments', 1],
    ]);
    expect(res.body.unallocated.namespaces[0].namespace).toBe('kube-system');
    const hours = res.body.teams[0].total / 0.04;
    expect(res.body.unallocated.total).toBeCloseTo(hours * 0.005, 10);
    expect(res.body.total).toBeCloseTo(hours * 0.055, 10);
    // Partial data is never summed as complete: the failed cluster is named.
    expect(res.body.complete).toBe(false);
    expect(res.body.errors).toEqual([
      expect.stringMatching(/^gone, .*ECONNREFUSED/),
    ]);
  });

  it('prices a claim choice for a month from the offering sheet, with its lines', async () => {
    const server = await start();
    const res = await get(
      server,
      '/price?offering=postgresql&tier=standard&storageGB=40&multiAZ=false',
    );
    expect(res.status).toBe(200);
    // 730 h × 0.072 + 40 GB × 0.115.
    expect(res.body.total).toBeCloseTo(57.16, 10);
    expect(res.body.lines[0]).toBe(
      'db.t3.medium (standard): 730 h × 0.072 USD per instance-hour = 52.56 USD',
    );
    const multiAZ = await get(
      server,
      '/price?offering=postgresql&tier=standard&storageGB=40&multiAZ=true',
    );
    expect(multiAZ.body.total).toBeCloseTo(114.32, 10);
  });

  it.each([
    [
      '/price?offering=postgresql&tier=standard&storageGB=-1',
      /^storageGB: must be a number of GB/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=NaN',
      /^storageGB: must be a number of GB/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=1e400',
      /^storageGB: must be a number of GB/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=',
      /^storageGB: must be a number of GB/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=999999',
      /^storageGB: must be at most 100000/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=4&storageGB=5',
      /^storageGB: send it once/,
    ],
    [
      '/price?offering=postgresql&tier=huge&storageGB=40',
      /tier: "huge" is not a tier/,
    ],
    [
      '/price?offering=postgresql&tier=constructor&storageGB=40',
      /^tier: "constructor" is not a tier/,
    ],
    [
      '/price?offering=postgresql&tier=__proto__&storageGB=40',
      /^tier: "__proto__" is not a tier/,
    ],
    [
      '/price?offering=mysql&tier=standard&storageGB=40',
      /offering: there is no offering "mysql"/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=40&colour=red',
      /colour: not a priced option/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=40&__proto__=true',
      /^__proto__: not a priced option/,
    ],
    [
      '/price?offering=postgresql&tier=standard&storageGB=40&constructor=true',
      /^constructor: not a priced option/,
    ],
    ['/entity?entityRef=orders-api', /^entityRef: must be an entity ref/],
    [
      '/entity?entityRef=component:default/__proto__',
      /^entityRef: must be an entity ref/,
    ],
    [
      '/entity?entityRef=component:default/orders-api&__proto__=x',
      /^__proto__: not a parameter of this route; it takes entityRef/,
    ],
    [
      '/entity?entityRef=component:default/orders-api&constructor=x',
      /^constructor: not a parameter of this route/,
    ],
    [
      '/entity?entityRef[kind]=component',
      /^entityRef\[kind\]: not a parameter of this route/,
    ],
    [
      '/group?entityRef=component:default/orders-api',
      /^entityRef: must be an entity ref, e.g. group:default\/checkout/,
    ],
    [
      '/group?entityRef=group:default/checkout&includeSubTeams=yes',
      /^includeSubTeams: must be true or false/,
    ],
    ['/teams?month=2026-13', /^month: must be a month/],
    ['/teams?month=0000-01', /^month: must be a month/],
    ['/teams?month=-2026-01', /^month: must be a month/],
    ['/status?__proto__=1', /^__proto__: not a parameter of this route/],
    [
      '/cost-insights/groups/checkout/daily-cost?intervals=P30D',
      /^intervals: Cannot read "P30D"/,
    ],
    [
      '/cost-insights/groups/checkout/daily-cost',
      /^intervals: is required, e.g. R2\/P30D\/2026-11-01/,
    ],
    [
      '/cost-insights/groups/__proto__/daily-cost?intervals=R2/P30D/2026-11-01',
      /^group: must be a group name/,
    ],
    [
      '/cost-insights/groups/constructor/daily-cost?intervals=R2/P30D/2026-11-01&constructor=1',
      /^constructor: not a parameter of this route; it takes intervals/,
    ],
    [
      '/cost-insights/entities/component/default/__proto__/daily-cost?intervals=R2/P30D/2026-11-01',
      /^name: must be an entity name/,
    ],
    [
      '/cost-insights/entities/component/Not_A_Namespace!/cart/daily-cost?intervals=R2/P30D/2026-11-01',
      /^namespace: must be an entity namespace/,
    ],
    [
      '/cost-insights/entities/1component/default/cart/daily-cost?intervals=R2/P30D/2026-11-01',
      /^kind: must be an entity kind/,
    ],
  ])('refuses %s, naming the parameter', async (path, message) => {
    const server = await start();
    const res = await get(server, path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  // F4: each of these once built every day of its span, or never stopped.
  it.each([
    ['R1/P800000D/2026-11-01', /^intervals: at most 366 days/],
    ['R800000/P1D/2026-11-01', /^intervals: at most 366 days/],
    [
      'R99999999999999999999/P99999999D/2026-11-01',
      /^intervals: at most 366 days/,
    ],
    ['R1/P367D/2026-11-01', /^intervals: at most 366 days/],
    ['R13/P1M/2026-11-01', /^intervals: at most 366 days/],
    ['R1/P0D/2026-11-01', /^intervals: Cannot read/],
    ['R0/P30D/2026-11-01', /^intervals: Cannot read/],
    ['R1/P-30D/2026-11-01', /^intervals: Cannot read/],
    ['R1/PNaND/2026-11-01', /^intervals: Cannot read/],
    ['R1/P30D/+10000-01-01', /^intervals: Cannot read/],
    ['R1/P30D/10000-01-01', /^intervals: Cannot read/],
    ['R1/P30D/2026-02-30', /^intervals: Cannot read "2026-02-30" as a day/],
    [
      'R1/P30D/1970-01-10',
      /^intervals: the first period would start before 1970-01-01/,
    ],
  ])(
    'refuses the intervals %s with what to send',
    async (intervals, message) => {
      const server = await start();
      for (const path of [
        '/cost-insights/groups/checkout/daily-cost',
        '/cost-insights/entities/component/default/cart/daily-cost',
      ]) {
        const res = await get(
          server,
          `${path}?intervals=${encodeURIComponent(intervals)}`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(res.body.error.message).toMatch(
          /R<n>\/P<days>D\/<YYYY-MM-DD>|as a day: write YYYY-MM-DD/,
        );
      }
    },
  );

  it('answers a whole year of Cost Insights days', async () => {
    const server = await start();
    const res = await get(
      server,
      `/cost-insights/groups/checkout/daily-cost?intervals=R1/P366D/${today}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.aggregation).toHaveLength(366);
    const months = await get(
      server,
      `/cost-insights/groups/group:default%2Fcheckout/daily-cost?intervals=R12/P1M/${today}`,
    );
    expect(months.status).toBe(200);
    expect(months.body.id).toBe('group:default/checkout');
  });

  it('answers in Cost Insights’ shape for a group and an entity', async () => {
    const server = await start();
    const res = await get(
      server,
      `/cost-insights/groups/checkout/daily-cost?intervals=R2/P30D/${today}`,
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'aggregation',
      'change',
      'id',
      'incompleteDays',
      'trendline',
    ]);
    expect(res.body.id).toBe('group:default/checkout');
    expect(res.body.aggregation).toHaveLength(60);
    expect(res.body.aggregation[0]).toEqual({
      date: addDays(today, -60),
      amount: expect.closeTo(0.96, 10),
    });
    expect(res.body.change.amount).toBeCloseTo(0, 10);
    expect(res.body.change.ratio).toBeCloseTo(0, 10);
    expect(res.body.trendline.slope).toBeCloseTo(0, 10);
    expect(res.body.incompleteDays).toEqual([]);
    const entity = await get(
      server,
      `/cost-insights/entities/component/default/cart/daily-cost?intervals=R1/P1M/${today}`,
    );
    expect(entity.body.id).toBe('component:default/cart');
    expect(entity.body.aggregation.at(-1).amount).toBeCloseTo(0.24, 10);
    expect(entity.body.change).toBeUndefined();
  });

  it.each([
    '/entity?entityRef=component:default/orders-api',
    '/group?entityRef=group:default/checkout',
    '/teams',
    '/price?offering=postgresql&tier=standard&storageGB=40',
    '/status',
    `/cost-insights/groups/checkout/daily-cost?intervals=R2/P30D/${today}`,
    `/cost-insights/entities/component/default/cart/daily-cost?intervals=R2/P30D/${today}`,
  ])(
    'asks for workload-cost.read on %s: allowed, it answers; denied, 403 saying who to ask',
    async path => {
      const allowed = await start({ permission: AuthorizeResult.ALLOW });
      expect((await get(allowed, path)).status).toBe(200);
      const denied = await start({ permission: AuthorizeResult.DENY });
      const res = await get(denied, path);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may not read workload costs: ask the platform team (paved.permissions) for access',
      );
    },
  );

  it('asks for the permission before reading the parameters', async () => {
    const denied = await start({ permission: AuthorizeResult.DENY });
    const res = await get(denied, '/teams?month=nope');
    expect(res.status).toBe(403);
  });

  it('registers workload-cost.read with the permissions registry', async () => {
    const server = await start();
    const res = await get(
      server,
      '/.well-known/backstage/permissions/metadata',
    );
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual([
      expect.objectContaining({
        type: 'basic',
        name: 'workload-cost.read',
        attributes: { action: 'read' },
      }),
    ]);
  });
});
