// The parameters of the routes, checked at the edge: a refusal names the parameter and says what
// to send instead. The query string is read here with URLSearchParams into an object without a
// prototype, not with Express's parser: that one drops `__proto__` and `constructor` silently and
// nests `a[b]=c`, so a caller could send parameters the route never sees.
import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { parseInput } from '@internal/plugin-paved-node';
import { Request } from 'express';
import { z } from 'zod';

const validator = makeValidator();

/** kind:namespace/name as the catalog accepts it; kind may be fixed (group). */
const entityRef = (kind: 'group' | undefined, example: string) =>
  z
    .string({ error: `is required, e.g. ${example}` })
    .max(200, `must be an entity ref, e.g. ${example}`)
    .refine(value => {
      const match = /^([^:/]+):([^:/]+)\/([^:/]+)$/.exec(value);
      return (
        !!match &&
        validator.isValidKind(match[1]) &&
        (!kind || match[1].toLowerCase() === kind) &&
        validator.isValidNamespace(match[2]) &&
        validator.isValidEntityName(match[3])
      );
    }, `must be an entity ref, e.g. ${example}`);

export const entityQuery = z.object({
  entityRef: entityRef(undefined, 'component:default/orders-api'),
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
      /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/,
      'must be a month written YYYY-MM from 1970-01 to 9999-12, e.g. 2026-11',
    )
    .optional(),
});

/** The fixed parameters of /price; the offering's options (multiAZ=true) are checked by claimPrice. */
export const priceQuery = z.object({
  offering: z.string({ error: 'is required, e.g. postgresql' }).min(1),
  tier: z.string({ error: 'is required, e.g. standard' }).min(1),
  // A string first: Number('') is 0, Number('0x10') is 16 and '1e400' is Infinity.
  storageGB: z
    .string({ error: 'is required: a number of GB, e.g. 40' })
    .regex(/^\d{1,6}(\.\d{1,3})?$/, 'must be a number of GB, e.g. 40')
    .transform(Number)
    .refine(value => value <= 100_000, 'must be at most 100000'),
});

export const intervalsQuery = z.object({
  intervals: z
    .string({ error: 'is required, e.g. R2/P30D/2026-11-01' })
    .max(64, 'must be R<n>/P<days>D/<YYYY-MM-DD>, e.g. R2/P30D/2026-11-01'),
});

const groupParam = z.object({
  group: z
    .string()
    .refine(
      value => validator.isValidEntityName(value),
      'must be a group name, e.g. checkout',
    ),
});

const entityParams = z.object({
  kind: z
    .string()
    .refine(
      v => validator.isValidKind(v),
      'must be an entity kind, e.g. component',
    ),
  namespace: z
    .string()
    .refine(
      v => validator.isValidNamespace(v),
      'must be an entity namespace, e.g. default',
    ),
  name: z
    .string()
    .refine(
      v => validator.isValidEntityName(v),
      'must be an entity name, e.g. orders-api',
    ),
});

/** The query string as plain strings, each parameter sent once. */
export function rawQuery(req: Request): Record<string, string> {
  const params = new URL(req.originalUrl, 'http://localhost').searchParams;
  const query: Record<string, string> = Object.create(null);
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) {
      throw new InputError(`${key}: send it once`);
    }
    query[key] = params.get(key)!;
  }
  return query;
}

/** The query of a route; a parameter it does not take is refused by name. */
export function readQuery<T extends z.ZodObject>(
  schema: T,
  req: Request,
  options: { extra?: boolean } = {},
): { query: z.infer<T>; rest: Record<string, string> } {
  const query = rawQuery(req);
  const rest: Record<string, string> = Object.create(null);
  const known: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (Object.hasOwn(schema.shape, key)) known[key] = value;
    else rest[key] = value;
  }
  const unknown = Object.keys(rest)[0];
  if (!options.extra && unknown !== undefined) {
    const takes = Object.keys(schema.shape).join(', ') || 'no parameters';
    throw new InputError(
      `${unknown}: not a parameter of this route; it takes ${takes}`,
    );
  }
  return { query: parseInput(schema, known), rest };
}

/** The :group of /cost-insights/groups/:group/...: a name or a full group ref. */
export function groupRefParam(group: string): string {
  const match = /^group:([^:/]+)\/([^:/]+)$/i.exec(group);
  const [namespace, name] = match ? [match[1], match[2]] : ['default', group];
  parseInput(entityParams.pick({ namespace: true }), { namespace });
  parseInput(groupParam, { group: name });
  return stringifyEntityRef({ kind: 'group', namespace, name });
}

/** The :kind/:namespace/:name of /cost-insights/entities/... as an entity ref. */
export function entityRefParams(params: Record<string, string>): string {
  return stringifyEntityRef(parseInput(entityParams, params));
}

/** A route without parameters. */
export const noQuery = z.object({});
