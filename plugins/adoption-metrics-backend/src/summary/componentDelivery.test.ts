import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AdoptionStore } from '../store/AdoptionStore';
import { readAdoptionSettings } from '../settings';
import { componentDelivery } from './componentDelivery';

const settings = readAdoptionSettings(new ConfigReader({}));

describe('componentDelivery', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it("gives one service's production DORA, leaving out other services and environments", async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const row = (
      component: string,
      environment: string,
      day: number,
      outcome: 'succeeded' | 'failed' = 'succeeded',
    ) => ({
      cluster: 'c',
      namespace: 'argocd',
      application: `${component}-${environment}`,
      eventKey: `${outcome}:${day}`,
      component,
      environment,
      outcome,
      revision: `r${day}`,
      at: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    });
    await store.addDeploys([
      row('orders-api', 'production', 10),
      row('orders-api', 'production', 11, 'failed'),
      row('orders-api', 'production', 12),
      row('orders-api', 'dev', 13),
      row('cart', 'production', 14),
    ]);
    const result = await componentDelivery(store, settings, {
      entityRef: 'component:default/orders-api',
      days: 28,
      timeZone: 'UTC',
      now: new Date('2026-11-23T00:00:00Z'),
    });
    expect(result.deploys.map(d => d.revision)).toEqual(['r10', 'r11', 'r12']);
    expect(result.dora.changeFailureRate).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    // From the failed sync on the 11th to the good one on the 12th: 24 hours.
    expect(result.dora.timeToRestore.medianHours).toBe(24);
    expect(result.source).toMatch(/backstage.io\/kubernetes-id=orders-api/);
  });
});
