// Managed infrastructure (Crossplane claims) is not priced by OpenCost: the platform team writes
// list prices beside each golden-path offering, at `paved.goldenPath.offerings.<id>.pricing`, and
// the Create form shows the cost of a choice before anyone submits it. Prices carry their unit
// like the cluster sheet, since cloud price lists mix hourly instances and monthly storage.
import { z } from 'zod';
import { parseConfig, shown } from './configIssues';
import { CURRENCY_HINT, isCurrencyCode } from './currency';
import { currencyDecimals, roundMoney } from './money';
import { HOURS_PER_MONTH, toHourlyRate, UnitPrice } from './priceSheet';

const INSTANCE_UNITS = ['instance-hour', 'instance-month'] as const;
const STORAGE_UNITS = ['GB-hour', 'GB-month'] as const;

export type InstancePrice = UnitPrice<(typeof INSTANCE_UNITS)[number]>;
export type StoragePrice = UnitPrice<(typeof STORAGE_UNITS)[number]>;

/** How an option scales the price: one number for both parts, or each part on its own. */
export type OptionMultiplier = number | { instance?: number; storage?: number };

/** The `pricing` block of an offering. */
export interface OfferingPricing {
  currency: string;
  /** Tier name → price of one instance of that tier. */
  instance: Record<string, InstancePrice>;
  /** Price of the claimed storage (GB = 10^9 bytes, as providers sell it); absent = not priced. */
  storage?: StoragePrice;
  /** Option name (as in approvalOptions, e.g. multiAZ) → how it scales the price. */
  optionMultipliers: Record<string, OptionMultiplier>;
}

/** The parts of a golden-path offering that pricing reads (the golden path's Offering fits). */
export interface PricedOffering {
  title?: string;
  tiers?: Readonly<Record<string, { description?: string }>>;
  pricing: OfferingPricing;
}

export const CLAIM_PRICING_METHOD = 'list price from the offering sheet';

function priceSchema<Units extends readonly [string, string]>(
  units: Units,
  example: string,
) {
  return z.strictObject(
    {
      amount: z
        .number({
          error: issue =>
            `must be a plain number without a currency symbol, e.g. 0.072 (got ${shown(
              issue.input,
            )})`,
        })
        .min(0, { error: 'must not be negative' }),
      per: z.enum(units, {
        error: issue =>
          `must be one of ${units.join(', ')} (got ${shown(
            issue.input,
          )}); provider price lists give instances per hour and storage per month — say which`,
      }),
    },
    {
      error: issue =>
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.join(
              ', ',
            )}; a price has only amount and per, e.g. ${example}`
          : `must be a price with its unit, e.g. ${example}`,
    },
  );
}

const multiplierNumber = z
  .number({ error: 'must be a number, e.g. 2 for twice the price' })
  .min(0, { error: 'must not be negative' });

/** The zod schema of an offering's `pricing` block. */
export const offeringPricingSchema = z.strictObject(
  {
    currency: z
      .string({ error: CURRENCY_HINT })
      .refine(isCurrencyCode, {
        error: issue => `${CURRENCY_HINT} (got ${shown(issue.input)})`,
      })
      .default('USD'),
    instance: z
      .record(
        z.string(),
        priceSchema(INSTANCE_UNITS, '{ amount: 0.072, per: instance-hour }'),
        {
          error:
            'must map each tier to its price, e.g. standard: { amount: 0.072, per: instance-hour }',
        },
      )
      .refine(prices => Object.keys(prices).length > 0, {
        error: 'needs the price of at least one tier',
      }),
    storage: priceSchema(
      STORAGE_UNITS,
      '{ amount: 0.115, per: GB-month }',
    ).optional(),
    optionMultipliers: z
      .record(
        z.string(),
        z.union(
          [
            multiplierNumber,
            z.strictObject({
              instance: multiplierNumber.optional(),
              storage: multiplierNumber.optional(),
            }),
          ],
          {
            error:
              'must be a number (e.g. multiAZ: 2 doubles instance and storage) or { instance, storage }',
          },
        ),
      )
      .default({}),
  },
  {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.join(
            ', ',
          )}; pricing has currency, instance, storage and optionMultipliers`
        : 'must be a map with currency, instance, storage and optionMultipliers',
  },
);

/**
 * Reads an offering's `pricing` block (the value at `path`). With the offering's tier names,
 * also checks that every tier has a price and every price a tier. Throws one Error listing every
 * issue with its config key.
 */
export function readOfferingPricing(
  raw: unknown,
  path: string,
  tierNames?: readonly string[],
): OfferingPricing {
  const pricing = parseConfig(offeringPricingSchema, raw, path, 'The pricing');
  if (tierNames) {
    const problems = [
      ...tierNames
        .filter(tier => !(tier in pricing.instance))
        .map(
          tier =>
            `${path}.instance.${tier}: missing; every tier needs a price, e.g. { amount: 0.072, per: instance-hour }`,
        ),
      ...Object.keys(pricing.instance)
        .filter(tier => !tierNames.includes(tier))
        .map(
          tier =>
            `${path}.instance.${tier}: no such tier; the offering's tiers are ${tierNames.join(
              ', ',
            )}`,
        ),
    ];
    if (problems.length > 0) {
      throw new Error(
        `The pricing at ${path} is invalid; fix it in app-config: ${problems.join(
          '; ',
        )}`,
      );
    }
  }
  return pricing;
}

/** What a claim choice costs. */
export interface ClaimPrice {
  currency: string;
  hours: number;
  tier: string;
  storageGB: number;
  instance: number;
  storage: number;
  total: number;
  /** Whether the offering prices storage at all; when false, storage counts 0. */
  storagePriced: boolean;
  method: typeof CLAIM_PRICING_METHOD;
  /** E.g. "db.t3.medium (standard): 730 h × 0.072 USD per instance-hour = 52.56 USD". */
  lines: string[];
}

export interface ClaimChoice {
  offering: PricedOffering;
  tier: string;
  storageGB: number;
  /** Options the claim turns on, e.g. { multiAZ: true }; false and absent cost nothing. */
  options?: Readonly<Record<string, boolean | undefined>>;
}

/**
 * The record's own value for a key from a form or a claim: a tier named `constructor` or an option
 * named `__proto__` is not priced from Object.prototype.
 */
function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function multipliersFor(
  pricing: OfferingPricing,
  options: Readonly<Record<string, boolean | undefined>>,
) {
  return Object.entries(options)
    .filter(([, enabled]) => enabled)
    .map(([option]) => {
      const multiplier = own(pricing.optionMultipliers, option);
      if (multiplier === undefined) {
        const known = Object.keys(pricing.optionMultipliers);
        throw new Error(
          `Cannot price option ${option}: pricing.optionMultipliers has no ${option} (write ${option}: 1 ` +
            `if it costs nothing extra); known options: ${
              known.length > 0 ? known.join(', ') : 'none'
            }`,
        );
      }
      return typeof multiplier === 'number'
        ? { option, instance: multiplier, storage: multiplier }
        : {
            option,
            instance: multiplier.instance ?? 1,
            storage: multiplier.storage ?? 1,
          };
    });
}

/** "× 2 (multiAZ)" for every multiplier that changes the part. */
function multiplierText(
  multipliers: { option: string; instance: number; storage: number }[],
  part: 'instance' | 'storage',
): string {
  return multipliers
    .filter(m => m[part] !== 1)
    .map(m => ` × ${m[part]} (${m.option})`)
    .join('');
}

/** "0.072 USD per instance-hour", or "52.56 USD per instance-month ÷ 730 h". */
function rateText(price: UnitPrice, currency: string): string {
  const monthly = price.per.endsWith('-month') ? ` ÷ ${HOURS_PER_MONTH} h` : '';
  return `${price.amount} ${currency} per ${price.per}${monthly}`;
}

/**
 * The list price of a claim for a number of hours: the tier's instance price × hours, plus the
 * claimed GB × storage price × hours, each scaled by the options turned on.
 */
export function priceClaim(
  choice: ClaimChoice & { hours: number },
): ClaimPrice {
  const { offering, tier, storageGB, hours } = choice;
  const { pricing } = offering;
  const name = offering.title ?? 'the offering';
  const instancePrice = own(pricing.instance, tier);
  if (!instancePrice) {
    throw new Error(
      `Unknown tier ${shown(
        tier,
      )} for ${name}: the priced tiers are ${Object.keys(pricing.instance).join(
        ', ',
      )}`,
    );
  }
  if (!Number.isFinite(hours) || hours < 0) {
    throw new Error(`Cannot price ${hours} hours: hours must be a number ≥ 0`);
  }
  if (!Number.isFinite(storageGB) || storageGB < 0) {
    throw new Error(
      `Cannot price ${storageGB} GB of storage: storageGB must be a number ≥ 0`,
    );
  }
  const multipliers = multipliersFor(pricing, choice.options ?? {});
  const scale = (part: 'instance' | 'storage') =>
    multipliers.reduce((product, m) => product * m[part], 1);

  const currency = pricing.currency;
  const shownAmount = (amount: number) =>
    `${roundMoney(amount, currencyDecimals(currency)).toFixed(
      currencyDecimals(currency),
    )} ${currency}`;
  const description = own(offering.tiers, tier)?.description;
  const label = description ? `${description} (${tier})` : tier;

  const instance = hours * toHourlyRate(instancePrice) * scale('instance');
  const lines = [
    `${label}: ${hours} h × ${rateText(
      instancePrice,
      currency,
    )}${multiplierText(multipliers, 'instance')} = ${shownAmount(instance)}`,
  ];
  let storage = 0;
  if (pricing.storage) {
    storage =
      storageGB * hours * toHourlyRate(pricing.storage) * scale('storage');
    lines.push(
      `storage: ${storageGB} GB × ${hours} h × ${rateText(
        pricing.storage,
        currency,
      )}${multiplierText(multipliers, 'storage')} = ${shownAmount(storage)}`,
    );
  } else {
    lines.push(
      `storage: ${storageGB} GB not priced (the offering's pricing has no storage price)`,
    );
  }
  return {
    currency,
    hours,
    tier,
    storageGB,
    instance,
    storage,
    total: instance + storage,
    storagePriced: pricing.storage !== undefined,
    method: CLAIM_PRICING_METHOD,
    lines,
  };
}

/** The cost of a choice for one month (730 h), for the Create form. */
export function monthlyClaimPrice(choice: ClaimChoice): ClaimPrice {
  return priceClaim({ ...choice, hours: HOURS_PER_MONTH });
}
