// The plugin as the backend runs it: the collectors' first pass fills the store from the catalog,
// and the API answers with each number's source; bad parameters and missing permission are refused.
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { Entity } from '@backstage/catalog-model';
import { PASS_DONE } from './collectors/collectionPass';
import { adoptionMetricsPlugin } from './plugin';

jest.setTimeout(60_000);

const service = (name: string, owner: string, template?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: template
      ? { 'backstage.io/source-template': template }
      : ({} as Record<string, string>),
  },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities = [
  service(
    'orders-api',
    'group:default/checkout',
    'template:default/new-microservice',
  ),
  service('cart', 'group:default/checkout'),
  service(
    'ledger',
    'group:default/payments',
    'template:default/new-microservice',
  ),
  service('fraud', 'group:default/payments', 'template:default/legacy'),
];

async function start(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  logger?: ReturnType<typeof mockServices.logger.mock>,
) {
  const { server } = await startTestBackend({
    features: [
      adoptionMetricsPlugin,
      ...(logger ? [logger.factory] : []),
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: permission }),
      // Runs the collectors' first pass at start-up, as the real scheduler does after its delay.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: { adoptionMetrics: { collectEveryMinutes: 60 } },
      }),
    ],
  });
  return server;
}

const user = mockCredentials.user.header();

async function summary(server: any, query: string) {
  // The first collector pass runs shortly after start-up.
  for (let i = 0; i < 60; i++) {
    const res = await request(server)
      .get(`/api/adoption-metrics/summary${query}`)
      .set('authorization', user);
    if (res.status !== 200 || res.body.goldenPathAdoption.denominator > 0)
      return res;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('the catalog was never snapshotted');
}

describe('adoption-metrics backend', () => {
  it('serves golden-path adoption with its numerator, denominator and source, per team', async () => {
    const server = await start();
    const res = await summary(server, '?days=28&timeZone=Europe/Berlin');
    expect(res.status).toBe(200);
    expect(res.body.goldenPathAdoption).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      source: expect.stringMatching(/^catalog snapshot of \d{4}-\d\d-\d\d$/),
    });
    expect(res.body.teams).toEqual([
      expect.objectContaining({
        owner: 'group:default/checkout',
        services: 2,
        goldenPathAdoption: expect.objectContaining({ value: 0.5 }),
      }),
      expect.objectContaining({ owner: 'group:default/payments', services: 2 }),
    ]);
    expect(res.body.dora.bandsVersion).toBe('dora-2023');
    const team = await summary(server, '?owner=group:default/payments');
    expect(team.body.goldenPathAdoption).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it.each([
    ['?days=0', /days/],
    ['?timeZone=Mars/Olympus', /IANA time zone/],
    ['?owner=checkout', /must be a group ref/],
  ])('refuses %s, saying what is wrong', async (query, message) => {
    const server = await start();
    const res = await request(server)
      .get(`/api/adoption-metrics/summary${query}`)
      .set('authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a component query without a component ref', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/adoption-metrics/component?entityRef=group:default/checkout')
      .set('authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/must be a component ref/);
  });

  it('ends each collector pass with one line saying what it found', async () => {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    await start(AuthorizeResult.ALLOW, logger);
    const passLines = () =>
      logger.info.mock.calls
        .map(([message]) => String(message))
        .filter(message => message.startsWith(PASS_DONE));
    for (let i = 0; i < 60 && !passLines().length; i++)
      await new Promise(r => setTimeout(r, 500));
    expect(passLines()).toEqual([
      expect.stringMatching(
        /^Adoption metrics pass done in \d+\.\d s: 4 services snapshotted, 0 new deploys, \d+ template runs, 0 claims, 0 commit times$/,
      ),
    ]);
  });

  it('refuses callers without the read permission', async () => {
    const server = await start(AuthorizeResult.DENY);
    const res = await request(server)
      .get('/api/adoption-metrics/summary')
      .set('authorization', user);
    expect(res.status).toBe(403);
  });
});
