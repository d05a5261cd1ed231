// The query parameters of the metrics routes, checked at the edge with messages that say what to
// send instead. Strict: a parameter the route does not know (a typo, `constructor`, `__proto__`)
// is refused by name rather than ignored. Spans and their order are checked in summary/window.ts.
import { InputError } from '@backstage/errors';
import { parseInput } from '@internal/plugin-paved-node';
import { Request } from 'express';
import { z } from 'zod';

const FIRST_YEAR = 1970;

const timeZone = z
  .string({ error: 'must be an IANA time zone, e.g. Europe/Berlin' })
  .max(64, 'must be an IANA time zone, e.g. Europe/Berlin')
  .default('UTC')
  .refine(tz => {
    try {
      return Boolean(new Intl.DateTimeFormat('en', { timeZone: tz }));
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, e.g. Europe/Berlin');

/** A calendar day: Date.parse turns 2026-02-31 into 3 March, so the day must survive a round trip. */
const localDay = z
  .string({ error: 'must be a day written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD')
  .refine(d => {
    const time = Date.parse(`${d}T00:00:00Z`);
    return (
      !Number.isNaN(time) &&
      new Date(time).toISOString().slice(0, 10) === d &&
      Number(d.slice(0, 4)) >= FIRST_YEAR
    );
  }, `is not a calendar day (from ${FIRST_YEAR} on)`);

/** A whole number of days in a query string: digits only, so NaN, -1, 1e9 and 0x10 are refused. */
const days = z
  .string({ error: 'must be a whole number of days from 1 to 366' })
  .regex(/^\d{1,3}$/, 'must be a whole number of days from 1 to 366')
  .transform(Number)
  .refine(
    n => n >= 1 && n <= 366,
    'must be a whole number of days from 1 to 366',
  );

export const quarter = z
  .string({ error: 'must be a quarter such as 2026-Q4' })
  .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4')
  .refine(
    q => Number(q.slice(0, 4)) >= FIRST_YEAR,
    `must be a quarter from ${FIRST_YEAR} on, such as 2026-Q4`,
  );

export const ownerRef = z
  .string({ error: 'must be a group ref, e.g. group:default/checkout' })
  .max(200, 'must be a group ref, e.g. group:default/checkout')
  .regex(
    /^group:[a-z0-9-]+\/[a-z0-9._-]+$/i,
    'must be a group ref, e.g. group:default/checkout',
  );

/** A period: `days`, or `quarter`, or `from` and `to` (local days in `timeZone`, both included). */
export const rangeQuery = z.strictObject({
  days: days.optional(),
  quarter: quarter.optional(),
  from: localDay.optional(),
  to: localDay.optional(),
  timeZone,
});

export const summaryQuery = rangeQuery.extend({ owner: ownerRef.optional() });

const componentRef = z
  .string({
    error: 'must be a component ref, e.g. component:default/orders-api',
  })
  .max(200, 'must be a component ref, e.g. component:default/orders-api')
  .regex(
    /^component:[a-z0-9-]+\/[a-z0-9._-]+$/i,
    'must be a component ref, e.g. component:default/orders-api',
  );

export const componentQuery = rangeQuery.extend({ entityRef: componentRef });

export const applicationsQuery = z.strictObject({ entityRef: componentRef });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * parseInput for a route's query string, refusing prototype keys by name first: Express's query
 * parser drops `__proto__` silently, so it is looked for in the query string as sent.
 */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  req: Request,
): z.infer<T> {
  const search = req.originalUrl.split('?').slice(1).join('?');
  for (const name of new URLSearchParams(search).keys()) {
    const root = name.split('[')[0];
    if (FORBIDDEN_KEYS.has(root)) {
      throw new InputError(
        `Invalid query: ${root}: is not a parameter of this route`,
      );
    }
  }
  return parseInput(schema, req.query, 'query');
}
