// The query parameters of the metrics routes, checked at the edge with messages that say what to
// send instead.
import { InputError } from '@backstage/errors';
import { z } from 'zod';

const timeZone = z
  .string()
  .default('UTC')
  .refine(tz => {
    try {
      return Boolean(new Intl.DateTimeFormat('en', { timeZone: tz }));
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, e.g. Europe/Berlin');

const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD')
  .refine(
    d => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
    'is not a calendar day',
  );

/** A period: `days`, or `quarter`, or `from` and `to` (local days in `timeZone`, both included). */
export const rangeQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).optional(),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4')
    .optional(),
  from: localDay.optional(),
  to: localDay.optional(),
  timeZone,
});

export const summaryQuery = rangeQuery.extend({
  owner: z
    .string()
    .regex(
      /^group:[a-z0-9-]+\/[a-z0-9._-]+$/i,
      'must be a group ref, e.g. group:default/checkout',
    )
    .optional(),
});

export const componentQuery = rangeQuery.extend({
  entityRef: z
    .string()
    .regex(
      /^component:[a-z0-9-]+\/[a-z0-9._-]+$/i,
      'must be a component ref, e.g. component:default/orders-api',
    ),
});

export function parse<T extends z.ZodTypeAny>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}
