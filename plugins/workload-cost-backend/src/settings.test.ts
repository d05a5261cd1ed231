import { ConfigReader } from '@backstage/config';
import { readCostSettings } from './settings';

const postgresql = {
  title: 'PostgreSQL',
  apiVersion: 'platform.paved.dev/v1alpha1',
  kind: 'PostgreSQLInstance',
  tiers: { small: {}, standard: {} },
  pricing: {
    currency: 'USD',
    instance: {
      small: { amount: 0.036, per: 'instance-hour' },
      standard: { amount: 0.072, per: 'instance-hour' },
    },
    storage: { amount: 0.115, per: 'GB-month' },
    optionMultipliers: { multiAZ: 2 },
  },
};

const read = (data: object) => () =>
  readCostSettings(new ConfigReader(data as any));

describe('readCostSettings', () => {
  it('defaults to the built-in sheet, hourly passes and no budgets', () => {
    const settings = read({})();
    expect(settings.prices.currency).toBe('USD');
    expect(settings.prices.perHour.cpu).toBe(0.031611);
    expect(settings.collectEveryMinutes).toBe(60);
    expect(settings.budgets).toEqual({});
    expect(settings.openCost).toEqual({});
    expect(settings.offerings).toEqual([]);
  });

  it('reads budgets by group ref, OpenCost per cluster and the offerings’ pricing', () => {
    const settings = read({
      workloadCost: {
        collectEveryMinutes: 15,
        budgets: { 'group:default/checkout': 2500, payments: '900 USD' },
        opencost: { prod: { url: 'http://opencost.opencost:9003/' } },
      },
      paved: { goldenPath: { offerings: { postgresql } } },
    })();
    expect(settings.budgets).toEqual({
      'group:default/checkout': { amount: 2500 },
      'group:default/payments': { amount: 900, currency: 'USD' },
    });
    expect(settings.openCost).toEqual({
      prod: 'http://opencost.opencost:9003',
    });
    expect(settings.offerings[0]).toMatchObject({
      id: 'postgresql',
      kind: 'PostgreSQLInstance',
      pricing: { optionMultipliers: { multiAZ: 2 } },
    });
  });

  it('refuses bad values all at once, naming each key and what to write', () => {
    let message = '';
    try {
      read({
        workloadCost: {
          prices: { cpu: { amount: 23.08, per: 'vCPU/month' } },
          collectEveryMinutes: 45,
          budgets: { 'user:default/jane': 10, checkout: '2,500' },
          opencost: { prod: { url: 'opencost' } },
        },
        paved: {
          goldenPath: {
            offerings: {
              postgresql: {
                ...postgresql,
                pricing: { ...postgresql.pricing, currency: 'EUR' },
              },
            },
          },
        },
      })();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/workloadCost\.prices\.cpu\.per: must be one of/);
    expect(message).toMatch(
      /workloadCost\.collectEveryMinutes: must divide 60/,
    );
    expect(message).toMatch(/budgets\["user:default\/jane"\]: .*group ref/);
    expect(message).toMatch(/budgets\["checkout"\]: .*no thousands separators/);
    expect(message).toMatch(
      /workloadCost\.opencost\.prod\.url: must be the URL/,
    );
    expect(message).toMatch(
      /offerings\.postgresql\.pricing\.currency: EUR differs/,
    );
  });

  it('checks that every tier of an offering has a price', () => {
    expect(
      read({
        paved: {
          goldenPath: {
            offerings: {
              postgresql: {
                ...postgresql,
                tiers: { ...postgresql.tiers, large: {} },
              },
            },
          },
        },
      }),
    ).toThrow(/offerings\.postgresql\.pricing\.instance\.large: missing/);
  });
});
