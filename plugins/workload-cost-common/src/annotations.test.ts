import { parseClaimRefs, parseMonthlyBudget } from './annotations';
import {
  workloadCostPermissions,
  workloadCostReadPermission,
} from './permissions';

describe('the monthly budget annotation', () => {
  it.each([
    ['2500', { amount: 2500 }],
    ['2500 USD', { amount: 2500, currency: 'USD' }],
    [' 1999.50 EUR ', { amount: 1999.5, currency: 'EUR' }],
  ])('reads %j', (value, budget) => {
    expect(parseMonthlyBudget(value)).toEqual(budget);
  });

  it.each(['$2500', '2,500', 'USD 2500', '0', '-5', 'lots'])(
    'refuses %j and shows the form',
    value => {
      expect(() => parseMonthlyBudget(value)).toThrow(
        'write a positive amount with an optional currency code, e.g. "2500" or "2500 USD"',
      );
    },
  );

  it('refuses an unknown or lowercase currency', () => {
    expect(() => parseMonthlyBudget('2500 usd')).toThrow(
      'the currency must be an ISO 4217 currency code in capitals',
    );
    expect(() => parseMonthlyBudget('2500 XYZ')).toThrow('ISO 4217');
  });
});

describe('the claims annotation', () => {
  it('reads one or several Kind/namespace/name references', () => {
    expect(
      parseClaimRefs(
        'PostgreSQLInstance/orders-api-dev/orders-api-db, PostgreSQLInstance/orders-api-prod/orders-api-db',
      ),
    ).toEqual([
      {
        kind: 'PostgreSQLInstance',
        namespace: 'orders-api-dev',
        name: 'orders-api-db',
      },
      {
        kind: 'PostgreSQLInstance',
        namespace: 'orders-api-prod',
        name: 'orders-api-db',
      },
    ]);
  });

  it('refuses a reference without a namespace', () => {
    expect(() => parseClaimRefs('PostgreSQLInstance/orders-api-db')).toThrow(
      'write Kind/namespace/name',
    );
  });
});

describe('permissions', () => {
  it('has a read permission', () => {
    expect(workloadCostReadPermission.name).toBe('workload-cost.read');
    expect(workloadCostReadPermission.attributes.action).toBe('read');
    expect(workloadCostPermissions).toEqual([workloadCostReadPermission]);
  });
});
