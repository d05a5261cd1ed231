// The platform team's price sheet for cluster resources, with the unit written next to every
// price. OpenCost's JSON files are hourly while its Helm values (and Kubecost's custom prices) are
// monthly: copying one into the other is a 730× error, so an entry without "-hour" or "-month"
// is refused rather than guessed.
import { z } from 'zod';
import { parseConfig, shown } from './configIssues';
import { CURRENCY_HINT, isCurrencyCode } from './currency';

/** Hours in a month, as OpenCost counts them (8760 / 12). */
export const HOURS_PER_MONTH = 730;

/** The resources priced per unit of time. */
export type PricedResource = 'cpu' | 'memory' | 'storage' | 'gpu';

export const PRICED_RESOURCES: readonly PricedResource[] = [
  'cpu',
  'memory',
  'storage',
  'gpu',
];

/** The unit each resource is sold in: vCPU (a core), GiB (2^30 bytes), GPU (a device). */
export const RESOURCE_UNITS = {
  cpu: 'vCPU',
  memory: 'GiB',
  storage: 'GiB',
  gpu: 'GPU',
} as const;

type UnitOf<R extends PricedResource> = (typeof RESOURCE_UNITS)[R];

/** A price with its unit spelled out, e.g. { amount: 23.08, per: 'vCPU-month' }. */
export interface UnitPrice<Per extends string = string> {
  amount: number;
  per: Per;
}

export type ResourcePrice<R extends PricedResource> = UnitPrice<
  `${UnitOf<R>}-hour` | `${UnitOf<R>}-month`
>;

/** The sheet as written in `workloadCost.prices`; every resource may be left out. */
export interface PriceSheetConfig {
  currency: string;
  cpu?: ResourcePrice<'cpu'>;
  memory?: ResourcePrice<'memory'>;
  storage?: ResourcePrice<'storage'>;
  gpu?: ResourcePrice<'gpu'>;
}

/**
 * The built-in sheet: OpenCost's defaults (configs/default.json), hourly, in USD. Used for every
 * resource the configured sheet leaves out.
 */
export const BUILT_IN_PRICE_SHEET = {
  currency: 'USD',
  cpu: { amount: 0.031611, per: 'vCPU-hour' },
  memory: { amount: 0.004237, per: 'GiB-hour' },
  storage: { amount: 0.00005479452, per: 'GiB-hour' },
  gpu: { amount: 0.95, per: 'GPU-hour' },
} as const satisfies Required<PriceSheetConfig>;

/** Where a price in the normalised sheet came from, so the UI can say "built-in default". */
export interface PriceSource {
  from: 'configured' | 'built-in';
  price: UnitPrice;
}

/**
 * The sheet every calculation uses: one hourly rate per resource, in one currency.
 * cpu is per vCPU-hour, memory and storage per GiB-hour, gpu per GPU-hour.
 */
export interface HourlyPriceSheet {
  currency: string;
  perHour: Record<PricedResource, number>;
  sources: Record<PricedResource, PriceSource>;
}

/** The hourly rate of a price: a monthly amount is spread over OpenCost's 730-hour month. */
export function toHourlyRate(price: UnitPrice): number {
  if (price.per.endsWith('-hour')) return price.amount;
  if (price.per.endsWith('-month')) return price.amount / HOURS_PER_MONTH;
  throw new Error(
    `Cannot tell whether ${price.amount} per ${shown(
      price.per,
    )} is hourly or monthly: write per as <unit>-hour or <unit>-month`,
  );
}

/** The resources a sheet leaves out that the built-in USD sheet cannot fill in its currency. */
function missingForCurrency(sheet: PriceSheetConfig): PricedResource[] {
  if (sheet.currency === BUILT_IN_PRICE_SHEET.currency) return [];
  return PRICED_RESOURCES.filter(resource => sheet[resource] === undefined);
}

function missingMessage(currency: string): string {
  return (
    `required when currency is ${currency}: the built-in prices are OpenCost's USD defaults and ` +
    `cannot be mixed with ${currency}; give all four prices or use USD`
  );
}

/** Hourly rates for every resource, the built-in sheet filling what the given sheet leaves out. */
export function normalisePriceSheet(sheet: PriceSheetConfig): HourlyPriceSheet {
  const missing = missingForCurrency(sheet);
  if (missing.length > 0) {
    throw new Error(
      `The price sheet has no ${missing.join(', ')} price, ${missingMessage(
        sheet.currency,
      )}`,
    );
  }
  const perHour = {} as Record<PricedResource, number>;
  const sources = {} as Record<PricedResource, PriceSource>;
  for (const resource of PRICED_RESOURCES) {
    const configured = sheet[resource];
    const price: UnitPrice = configured ?? BUILT_IN_PRICE_SHEET[resource];
    perHour[resource] = toHourlyRate(price);
    sources[resource] = {
      from: configured ? 'configured' : 'built-in',
      price,
    };
  }
  return { currency: sheet.currency, perHour, sources };
}

/** The built-in sheet, normalised: what pricing uses when `workloadCost.prices` is absent. */
export const BUILT_IN_HOURLY_PRICES: HourlyPriceSheet = normalisePriceSheet({
  currency: BUILT_IN_PRICE_SHEET.currency,
});

function resourcePriceSchema<R extends PricedResource>(resource: R) {
  const unit = RESOURCE_UNITS[resource];
  const units = [`${unit}-hour`, `${unit}-month`] as const;
  const example = `{ amount: ${BUILT_IN_PRICE_SHEET[resource].amount}, per: ${unit}-hour }`;
  return z.strictObject(
    {
      amount: z
        .number({
          error: issue =>
            `must be a plain number without a currency symbol, e.g. ${
              BUILT_IN_PRICE_SHEET[resource].amount
            } (got ${shown(issue.input)})`,
        })
        .min(0, { error: 'must not be negative' }),
      per: z.enum(units, {
        error: issue =>
          `must be one of ${units.join(', ')} (got ${shown(
            issue.input,
          )}); OpenCost's JSON files are hourly, its Helm values monthly — say which`,
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

/** The zod schema of `workloadCost.prices`. */
export const priceSheetSchema = z
  .strictObject(
    {
      currency: z
        .string({ error: CURRENCY_HINT })
        .refine(isCurrencyCode, {
          error: issue => `${CURRENCY_HINT} (got ${shown(issue.input)})`,
        })
        .default(BUILT_IN_PRICE_SHEET.currency),
      cpu: resourcePriceSchema('cpu').optional(),
      memory: resourcePriceSchema('memory').optional(),
      storage: resourcePriceSchema('storage').optional(),
      gpu: resourcePriceSchema('gpu').optional(),
    },
    {
      error: issue =>
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.join(
              ', ',
            )}; the sheet has currency, cpu, memory, storage and gpu (memory is what OpenCost calls RAM)`
          : 'must be a map with currency, cpu, memory, storage and gpu',
    },
  )
  .superRefine((sheet, context) => {
    for (const resource of missingForCurrency(sheet)) {
      context.addIssue({
        code: 'custom',
        path: [resource],
        message: missingMessage(sheet.currency),
      });
    }
  });

/**
 * Reads the configured sheet (the value at `path`, e.g. from `config.getOptional(path)`) into
 * hourly rates. Absent means the built-in sheet. Throws one Error listing every wrong field with
 * its config key and what to write instead.
 */
export function readPriceSheet(
  raw: unknown,
  path = 'workloadCost.prices',
): HourlyPriceSheet {
  if (raw === undefined || raw === null) return BUILT_IN_HOURLY_PRICES;
  return normalisePriceSheet(
    parseConfig(priceSheetSchema, raw, path, 'The price sheet'),
  );
}
