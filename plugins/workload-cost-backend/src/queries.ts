// The query parameters of the routes, checked at the edge; a refusal names the parameter and
// says what to send instead.
import { InputError } from '@backstage/errors';
import { z } from 'zod';

const entityRef = (kind: string, example: string) =>
  z
    .string({ error: `is required, e.g. ${example}` })
    .regex(
      new RegExp(`^${kind}:[a-z0-9._-]+/[a-z0-9._-]+$`, 'i'),
      `must be an entity ref, e.g. ${example}`,
    );

export const entityQuery = z.object({
  entityRef: entityRef('[a-z]+', 'component:default/orders-api'),
});

export const groupQuery = z.object({
  entityRef: entityRef('group', 'group:default/checkout'),
  includeSubTeams: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform(value => value === 'true'),
});

export const teamsQuery = z.object({
  month: z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])$/,
      'must be a month written YYYY-MM, e.g. 2026-11',
    )
    .optional(),
});

/** The fixed parameters of /price; the offering's options (multiAZ=true) come on top. */
export const priceQuery = z
  .object({
    offering: z.string({ error: 'is required, e.g. postgresql' }).min(1),
    tier: z.string({ error: 'is required, e.g. standard' }).min(1),
    storageGB: z.coerce
      .number({ error: 'must be a number of GB, e.g. 40' })
      .min(0, 'must not be negative')
      .max(100_000, 'must be at most 100000'),
  })
  .catchall(z.unknown());

export const intervalsQuery = z.object({
  intervals: z.string({ error: 'is required, e.g. R2/P30D/2026-11-01' }),
});

export const costInsightsEntityParams = z.object({
  kind: z.string().regex(/^[a-z]+$/i, 'must be an entity kind, e.g. component'),
  namespace: z.string().regex(/^[a-z0-9._-]+$/i, 'must be an entity namespace'),
  name: z.string().regex(/^[a-z0-9._-]+$/i, 'must be an entity name'),
});

export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}
