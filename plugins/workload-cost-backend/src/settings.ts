// `workloadCost` and the offerings' `pricing` in app-config, checked at start-up: a wrong price
// would be multiplied by every hour of every pod, so the backend refuses to start rather than
// guess, listing every wrong key with what to write instead.
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  HourlyPriceSheet,
  MonthlyBudget,
  parseMonthlyBudget,
  readPriceSheet,
} from '@internal/plugin-workload-cost-common';
import { z } from 'zod';
import { offeringsOf, PricedOfferingSettings } from './offeringSettings';

export type { PricedOfferingSettings };

export interface CostSettings {
  prices: HourlyPriceSheet;
  collectEveryMinutes: number;
  /** Group ref → monthly budget (config wins over the group's annotation). */
  budgets: Record<string, MonthlyBudget>;
  /** Cluster name → OpenCost allocation API base URL. */
  openCost: Record<string, string>;
  offerings: PricedOfferingSettings[];
  /** Deadline of each call to a Kubernetes API server or OpenCost. */
  requestTimeoutMs: number;
}

const schema = z.object({
  // Each pass records one UTC hour; a divisor of 60 makes every hour get at least one pass.
  collectEveryMinutes: z
    .number({ error: 'must be a number of minutes, e.g. 60' })
    .int()
    .refine(m => m > 0 && 60 % m === 0, {
      error:
        'must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60): each pass records one UTC hour',
    })
    .default(60),
  // A cluster that never answers must fail its pass, not hold the scheduler's lock for 10 minutes.
  requestTimeoutSeconds: z
    .number({ error: 'must be a number of seconds, e.g. 30' })
    .int('must be a whole number of seconds, e.g. 30')
    .min(1, 'must be at least 1')
    .max(300, 'must be at most 300 (a pass may take 10 minutes)')
    .default(30),
  budgets: z
    .record(
      z.string(),
      z.union([z.number().positive(), z.string()], {
        error: 'must be a monthly amount, e.g. 2500 or "2500 USD"',
      }),
    )
    .default({}),
  opencost: z
    .record(
      z.string(),
      z.object({
        url: z.url({
          error:
            "must be the URL of OpenCost's API, e.g. http://opencost.opencost:9003",
        }),
      }),
    )
    .default({}),
});

function budgetsOf(
  raw: Record<string, number | string>,
  currency: string,
  problems: string[],
): Record<string, MonthlyBudget> {
  const budgets: Record<string, MonthlyBudget> = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = `workloadCost.budgets["${key}"]`;
    try {
      const ref = parseEntityRef(key, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
        throw new Error(
          'the key must be a group ref, e.g. group:default/checkout',
        );
      }
      const budget =
        typeof value === 'number'
          ? { amount: value }
          : parseMonthlyBudget(value);
      if (budget.currency && budget.currency !== currency) {
        throw new Error(
          `the budget is in ${budget.currency} but the price sheet in ${currency}: write "${budget.amount} ${currency}"`,
        );
      }
      budgets[stringifyEntityRef(ref)] = budget;
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
  }
  return budgets;
}

export function readCostSettings(config: Config): CostSettings {
  const problems: string[] = [];
  let prices: HourlyPriceSheet | undefined;
  try {
    prices = readPriceSheet(config.getOptional('workloadCost.prices'));
  } catch (error) {
    problems.push((error as Error).message);
  }
  const currency = prices?.currency ?? 'USD';
  // Each key on its own, so that one wrong key does not hide the problems of the others.
  const raw = config.getOptional<Record<string, unknown>>('workloadCost') ?? {};
  const field = <K extends keyof typeof schema.shape>(key: K) => {
    const parsed = schema.shape[key].safeParse(raw[key]);
    if (parsed.success)
      return parsed.data as z.output<(typeof schema.shape)[K]>;
    problems.push(
      ...parsed.error.issues.map(i =>
        [`workloadCost.${key}`, ...i.path.map(String)]
          .join('.')
          .concat(`: ${i.message}`),
      ),
    );
    return undefined;
  };
  const unknown = Object.keys(raw).filter(
    key => key !== 'prices' && !(key in schema.shape),
  );
  if (unknown.length > 0) {
    problems.push(
      `workloadCost: unknown key ${unknown.join(
        ', ',
      )}; the keys are prices, collectEveryMinutes, requestTimeoutSeconds, budgets and opencost`,
    );
  }
  const collectEveryMinutes = field('collectEveryMinutes');
  const openCost = field('opencost');
  const requestTimeoutSeconds = field('requestTimeoutSeconds');
  const budgets = budgetsOf(field('budgets') ?? {}, currency, problems);
  const offerings = offeringsOf(config, currency, problems);
  if (
    problems.length > 0 ||
    !prices ||
    !collectEveryMinutes ||
    !openCost ||
    !requestTimeoutSeconds
  ) {
    throw new Error(
      `Invalid workload-cost config; fix it in app-config: ${problems.join(
        '; ',
      )}`,
    );
  }
  return {
    prices,
    collectEveryMinutes,
    budgets,
    openCost: Object.fromEntries(
      Object.entries(openCost).map(([cluster, { url }]) => [
        cluster,
        url.replace(/\/+$/, ''),
      ]),
    ),
    offerings,
    requestTimeoutMs: requestTimeoutSeconds * 1000,
  };
}
