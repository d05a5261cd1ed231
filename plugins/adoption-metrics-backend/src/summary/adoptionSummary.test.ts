// The Adoption page's numbers on a small organisation built by hand: platform (parent) with two
// teams, checkout and payments; expected values are worked out in the comments.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readAdoptionSettings } from '../settings';
import { AdoptionStore, DeployRow } from '../store/AdoptionStore';
import { adoptionSummary } from './adoptionSummary';

const GP = 'template:default/new-microservice';
const settings = readAdoptionSettings(new ConfigReader({}));
const now = new Date('2026-11-23T12:00:00Z');

const deploy = (
  component: string,
  at: string,
  revision: string,
  outcome: 'succeeded' | 'failed' = 'succeeded',
): DeployRow => ({
  cluster: 'c',
  namespace: 'argocd',
  application: `${component}-production`,
  eventKey: `${outcome}:${at}`,
  component,
  environment: 'production',
  outcome,
  revision,
  at,
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function fixture() {
  const knex = await databases.init('SQLITE_3');
  const store = await AdoptionStore.create(
    mockServices.database.mock({ getClient: async () => knex }),
  );
  await store.groups.replace([
    { ref: 'group:default/engineering', title: 'Engineering' },
    {
      ref: 'group:default/checkout',
      parent: 'group:default/engineering',
      title: 'Checkout',
    },
    {
      ref: 'group:default/payments',
      parent: 'group:default/engineering',
      title: 'Payments',
    },
    { ref: 'group:default/data', title: 'Data' },
  ]);
  await store.saveSnapshot('2026-11-23', [
    {
      entityRef: 'component:default/orders',
      owner: 'group:default/checkout',
      type: 'service',
      sourceTemplate: GP,
      createdAt: '2026-11-02T09:00:00.000Z',
    },
    {
      entityRef: 'component:default/cart',
      owner: 'group:default/checkout',
      type: 'service',
    },
    {
      entityRef: 'component:default/ledger',
      owner: 'group:default/payments',
      type: 'service',
      sourceTemplate: GP,
      createdAt: '2026-11-10T09:00:00.000Z',
    },
    {
      entityRef: 'component:default/lake',
      owner: 'group:default/data',
      type: 'service',
    },
    {
      entityRef: 'component:default/site',
      owner: 'group:default/checkout',
      type: 'website',
    },
  ]);
  await store.addDeploys([
    deploy('orders', '2026-11-03T09:00:00.000Z', 'o1'), // 24 h after Create
    deploy('orders', '2026-11-05T10:00:00.000Z', 'o2', 'failed'),
    deploy('orders', '2026-11-05T12:00:00.000Z', 'o2'),
    deploy('ledger', '2026-11-13T09:00:00.000Z', 'l1'), // 72 h after Create
    deploy('lake', '2026-11-06T09:00:00.000Z', 'k1'),
  ]);
  await store.templateRuns.save([
    // ledger's task record wins over its created-at stamp.
    {
      taskId: 't1',
      templateRef: GP,
      status: 'completed',
      createdAt: '2026-11-10T09:00:00.000Z',
      component: 'ledger',
    },
    {
      taskId: 't2',
      templateRef: GP,
      status: 'failed',
      createdAt: '2026-11-11T09:00:00.000Z',
      component: 'ledger',
    },
  ]);
  const claim = (
    name: string,
    owner: string,
    createdAt: string,
    taskId?: string,
  ) => ({
    cluster: 'c',
    namespace: `${name}-production`,
    kind: 'PostgreSQLInstance',
    name,
    owner,
    createdAt,
    taskId,
  });
  await store.claims.saveSeen({
    cluster: 'c',
    kinds: ['PostgreSQLInstance'],
    now: '2026-11-23T00:00:00.000Z',
    claims: [
      claim(
        'orders-db',
        'group:default/checkout',
        '2026-11-02T09:05:00.000Z',
        't0',
      ),
      claim(
        'ledger-db',
        'group:default/payments',
        '2026-11-10T09:05:00.000Z',
        't1',
      ),
      claim('legacy-db', 'group:default/checkout', '2026-11-04T09:00:00.000Z'),
      claim('lake-db', 'group:default/data', '2026-11-05T09:00:00.000Z'),
    ],
  });
  return store;
}

describe('adoptionSummary', () => {
  it('gives the organisation’s numbers with sources, series and a per-team table', async () => {
    const store = await fixture();
    const s = await adoptionSummary(store, settings, {
      days: 28,
      timeZone: 'UTC',
      now,
    });
    // Services only (the website is not one): orders and ledger of 4 are golden path.
    expect(s.goldenPathAdoption).toMatchObject({
      numerator: 2,
      denominator: 4,
    });
    // Claims created in the period: 2 of 4 carry a golden-path task.
    expect(s.selfService).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
    });
    // Runs: orders (created-at stamp, 24 h) and ledger (task t1, 72 h); the failed task is not a run.
    expect(s.timeToProduction).toMatchObject({
      runs: 2,
      reachedProduction: 2,
      medianHours: 48,
      hoursSaved: 72,
    });
    // 4 successful production deploys, 1 failed sync: CFR 1 of 5.
    expect(s.dora.deploymentFrequency.deploys).toBe(4);
    expect(s.dora.changeFailureRate).toMatchObject({
      numerator: 1,
      denominator: 5,
    });
    expect(s.dora.timeToRestore.medianHours).toBe(2);
    expect(
      s.teams.map(t => [t.title, t.services, t.goldenPathAdoption.numerator]),
    ).toEqual([
      ['Checkout', 2, 1],
      ['Data', 1, 0],
      ['Payments', 1, 1],
    ]);
    expect(s.series.bucketing).toBe('day');
    const nov5 = s.series.points.find(p => p.bucket === '2026-11-05');
    expect(nov5).toMatchObject({ deploys: 1, failedDeploys: 1, claims: 1 });
    expect(s.series.points).toHaveLength(29); // 26 Oct (12:00) .. 23 Nov
    expect(s.services).toBeUndefined();
  });

  it('rolls a team up with its sub-teams and lists its services', async () => {
    const store = await fixture();
    const s = await adoptionSummary(store, settings, {
      days: 28,
      timeZone: 'UTC',
      owner: 'group:default/engineering',
      now,
    });
    // Engineering = checkout + payments: 3 services, 2 golden path; lake (data) is out.
    expect(s.goldenPathAdoption).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    expect(s.selfService).toMatchObject({ numerator: 2, denominator: 3 });
    expect(s.dora.deploymentFrequency.deploys).toBe(3);
    expect(s.teams.map(t => t.title)).toEqual(['Checkout', 'Payments']);
    expect(
      s.services?.map(x => [
        x.entityRef,
        x.goldenPath,
        x.deploys,
        x.failedDeploys,
      ]),
    ).toEqual([
      ['component:default/cart', false, 0, 0],
      ['component:default/ledger', true, 1, 0],
      ['component:default/orders', true, 2, 1],
    ]);
  });

  it('compares with the previous period of the same length', async () => {
    const store = await fixture();
    const s = await adoptionSummary(store, settings, {
      from: '2026-11-09',
      to: '2026-11-15',
      timeZone: 'UTC',
      now,
    });
    // 9-15 Nov: ledger's run and deploy; 2-8 Nov: orders' run, 3 deploys (1 failed).
    expect(s.timeToProduction).toMatchObject({ runs: 1, medianHours: 72 });
    expect(s.timeToProduction.previous).toMatchObject({
      runs: 1,
      medianHours: 24,
    });
    expect(s.dora.deploymentFrequency.deploys).toBe(1);
    expect(s.dora.previous.deploymentFrequency.deploys).toBe(3);
  });
});
