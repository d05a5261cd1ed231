import {
  monthlyClaimPrice,
  priceClaim,
  PricedOffering,
  readOfferingPricing,
} from './claimPricing';

// The postgresql offering of app-config.yaml with the pricing addition from the README.
const rawPricing = {
  currency: 'USD',
  instance: {
    small: { amount: 0.036, per: 'instance-hour' },
    standard: { amount: 0.072, per: 'instance-hour' },
    large: { amount: 189.8, per: 'instance-month' },
  },
  storage: { amount: 0.115, per: 'GB-month' },
  optionMultipliers: { multiAZ: 2 },
};

const postgresql: PricedOffering = {
  title: 'PostgreSQL',
  tiers: {
    small: { description: 'db.t3.small' },
    standard: { description: 'db.t3.medium' },
    large: { description: 'db.r6g.large' },
  },
  pricing: readOfferingPricing(
    rawPricing,
    'paved.goldenPath.offerings.postgresql.pricing',
    ['small', 'standard', 'large'],
  ),
};

describe('pricing a claim', () => {
  it('prices a standard 40 GB single-AZ instance for a month', () => {
    const price = priceClaim({
      offering: postgresql,
      tier: 'standard',
      storageGB: 40,
      options: { multiAZ: false },
      hours: 730,
    });
    // 730 × 0.072 and 40 × 0.115
    expect(price.instance).toBeCloseTo(52.56, 9);
    expect(price.storage).toBeCloseTo(4.6, 9);
    expect(price.total).toBeCloseTo(57.16, 9);
    expect(price.method).toBe('list price from the offering sheet');
    expect(price.lines).toEqual([
      'db.t3.medium (standard): 730 h × 0.072 USD per instance-hour = 52.56 USD',
      'storage: 40 GB × 730 h × 0.115 USD per GB-month ÷ 730 h = 4.60 USD',
    ]);
  });

  it('doubles instance and storage for multiAZ', () => {
    const price = monthlyClaimPrice({
      offering: postgresql,
      tier: 'standard',
      storageGB: 40,
      options: { multiAZ: true },
    });
    expect(price.hours).toBe(730);
    expect(price.instance).toBeCloseTo(105.12, 9);
    expect(price.storage).toBeCloseTo(9.2, 9);
    expect(price.total).toBeCloseTo(114.32, 9);
    expect(price.lines).toEqual([
      'db.t3.medium (standard): 730 h × 0.072 USD per instance-hour × 2 (multiAZ) = 105.12 USD',
      'storage: 40 GB × 730 h × 0.115 USD per GB-month ÷ 730 h × 2 (multiAZ) = 9.20 USD',
    ]);
  });

  it('spreads a monthly instance price over the hours', () => {
    const price = priceClaim({
      offering: postgresql,
      tier: 'large',
      storageGB: 100,
      hours: 73,
    });
    // 73 × 189.8 / 730 and 100 × 73 × 0.115 / 730
    expect(price.instance).toBeCloseTo(18.98, 9);
    expect(price.storage).toBeCloseTo(1.15, 9);
    expect(price.lines[0]).toBe(
      'db.r6g.large (large): 73 h × 189.8 USD per instance-month ÷ 730 h = 18.98 USD',
    );
  });

  it('names the known tiers for an unknown one', () => {
    expect(() =>
      monthlyClaimPrice({ offering: postgresql, tier: 'xl', storageGB: 40 }),
    ).toThrow(
      'Unknown tier "xl" for PostgreSQL: the priced tiers are small, standard, large',
    );
  });

  it('refuses tiers and options named after Object.prototype keys', () => {
    expect(() =>
      monthlyClaimPrice({
        offering: postgresql,
        tier: 'constructor',
        storageGB: 40,
      }),
    ).toThrow('Unknown tier "constructor" for PostgreSQL');
    expect(() =>
      monthlyClaimPrice({
        offering: postgresql,
        tier: 'small',
        storageGB: 10,
        options: { toString: true, __proto__: true } as Record<string, boolean>,
      }),
    ).toThrow(/Cannot price option toString/);
  });

  it('refuses an option it has no multiplier for', () => {
    expect(() =>
      monthlyClaimPrice({
        offering: postgresql,
        tier: 'small',
        storageGB: 10,
        options: { encryption: true },
      }),
    ).toThrow(
      'Cannot price option encryption: pricing.optionMultipliers has no encryption',
    );
  });

  it('applies a multiplier given per part', () => {
    const price = monthlyClaimPrice({
      offering: {
        pricing: {
          ...postgresql.pricing,
          optionMultipliers: { multiAZ: { instance: 2 } },
        },
      },
      tier: 'standard',
      storageGB: 40,
      options: { multiAZ: true },
    });
    expect(price.instance).toBeCloseTo(105.12, 9);
    expect(price.storage).toBeCloseTo(4.6, 9);
    expect(price.lines[0]).toBe(
      'standard: 730 h × 0.072 USD per instance-hour × 2 (multiAZ) = 105.12 USD',
    );
  });

  it('says so when storage is not priced', () => {
    const price = monthlyClaimPrice({
      offering: { pricing: { ...postgresql.pricing, storage: undefined } },
      tier: 'small',
      storageGB: 10,
    });
    expect(price.storage).toBe(0);
    expect(price.storagePriced).toBe(false);
    expect(price.lines[1]).toBe(
      "storage: 10 GB not priced (the offering's pricing has no storage price)",
    );
  });
});

describe('reading the pricing block', () => {
  const path = 'paved.goldenPath.offerings.postgresql.pricing';

  it('lists wrong fields with their config keys', () => {
    expect(() =>
      readOfferingPricing(
        {
          instance: { standard: { amount: 0.072, per: 'hour' } },
          storage: { amount: 0.115 },
          optionMultipliers: { multiAZ: 'twice' },
        },
        path,
      ),
    ).toThrow(
      `${path}.instance.standard.per: must be one of instance-hour, instance-month (got "hour")`,
    );
  });

  it('finds tiers without a price and prices without a tier', () => {
    expect(() =>
      readOfferingPricing(
        {
          instance: {
            small: { amount: 0.036, per: 'instance-hour' },
            medium: { amount: 0.072, per: 'instance-hour' },
          },
        },
        path,
        ['small', 'standard'],
      ),
    ).toThrow(
      `${path}.instance.standard: missing; every tier needs a price, e.g. { amount: 0.072, per: instance-hour }; ` +
        `${path}.instance.medium: no such tier; the offering's tiers are small, standard`,
    );
  });
});
