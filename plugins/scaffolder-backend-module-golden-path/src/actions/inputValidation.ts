// What every golden-path action accepts, checked before anything is created. The scaffolder's own
// schema check only knows "string" or "number"; these say which field is wrong and what to send.
// Values end up in YAML (catalog-info, manifests), Kubernetes names and repository names, so they
// are plain ASCII and never a word YAML reads as something other than a string.
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { parseInput } from '@internal/plugin-paved-node';
import { z } from 'zod';
import { SERVICE_NAME } from '../manifests/serviceNames';

/** Words YAML 1.1 (still read by many tools) or 1.2 turns into booleans or null. */
const YAML_WORDS = new Set(
  ['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '~'].map(w =>
    w.toLowerCase(),
  ),
);

const notYaml = (value: string) => !YAML_WORDS.has(value.toLowerCase());

/** A configuration key (offering, tier, region, environment): ASCII, no prototype-like names. */
const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const serviceNameField = z
  .string({ error: 'send the service name as a string, e.g. orders-api' })
  .regex(SERVICE_NAME, {
    error:
      'use 4 to 30 characters, lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit (e.g. orders-api)',
  })
  .refine(notYaml, {
    error: 'YAML reads this word as a boolean or null: choose another name',
  });

const ENTITY_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const ownerField = z
  .string({ error: 'send the owning team, e.g. group:default/checkout' })
  .regex(
    /^(?:group:)?(?:[a-z0-9][a-z0-9-]{0,62}\/)?[a-z0-9][a-z0-9._-]{0,62}$/,
    {
      error: 'send the owning team as group:default/<team> (lowercase ASCII)',
    },
  )
  .refine(v => notYaml(v.split('/').pop()!), {
    error: 'YAML reads this team name as a boolean or null',
  });

const keyField = (what: string, example: string) =>
  z
    .string({ error: `send the ${what} as a string, e.g. ${example}` })
    .regex(KEY, {
      error: `send a ${what} the platform configures, e.g. ${example} (lowercase ASCII letters, digits and hyphens)`,
    });

export const environmentField = keyField('environment', 'dev');

export const databaseField = z
  .strictObject(
    {
      enabled: z.boolean({ error: 'send true or false' }).optional(),
      offering: keyField('offering', 'postgresql').optional(),
      tier: keyField('tier', 'standard').optional(),
      storageGB: z
        .number({ error: 'send the storage as a number of GB, e.g. 20' })
        .int({ error: 'send a whole number of GB, e.g. 20' })
        .min(1, { error: 'send at least 1 GB' })
        .max(100_000, { error: 'send at most 100000 GB' })
        .optional(),
      region: keyField('region', 'eu-west-1').optional(),
      multiAZ: z.boolean({ error: 'send true or false' }).optional(),
    },
    {
      error:
        'send the database as { offering, tier, storageGB, region, multiAZ } and nothing else',
    },
  )
  .optional();

/** Branch names, paths and revisions that reach git and manifests: no options, no traversal. */
export const gitRefField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, {
    error:
      'send a branch, tag or commit such as main (letters, digits, . _ / -)',
  })
  .refine(v => !v.includes('..') && !v.endsWith('/') && !v.endsWith('.lock'), {
    error:
      'send a branch, tag or commit without "..", a trailing "/" or ".lock"',
  });

export const repoPathField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/, {
    error: 'send a folder of the repository such as k8s',
  })
  .refine(v => !v.split('/').includes('..'), {
    error: 'send a folder inside the repository (no "..")',
  });

export const httpUrlField = z.string({ error: 'send an http(s) URL' }).refine(
  v => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  { error: 'send an http(s) URL' },
);

export const descriptionField = z
  .string({ error: 'send the description as text' })
  .max(280, { error: 'send at most 280 characters' })
  // Control characters other than tab and newline, which no form sends.
  // eslint-disable-next-line no-control-regex
  .refine(v => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), {
    error: 'send text without control characters',
  });

/** Parses an action's input; an InputError names the action and each wrong field. */
export function parseActionInput<T extends z.ZodRawShape>(
  action: string,
  shape: T,
  input: unknown,
): z.infer<z.ZodObject<T>> {
  return parseInput(z.object(shape), input, `input to ${action}`);
}

/** `checkout`, `group:checkout` or `group:default/checkout` → `group:default/checkout`. */
export function ownerRef(owner: string): string {
  const ref = parseEntityRef(owner, {
    defaultKind: 'group',
    defaultNamespace: 'default',
  });
  if (ref.kind.toLowerCase() !== 'group' || !ENTITY_NAME.test(ref.name)) {
    throw new InputError(
      `Invalid input: owner: "${owner}" is not a team: send group:default/<team>`,
    );
  }
  return `group:${ref.namespace}/${ref.name}`;
}

export const flagField = z.boolean({ error: 'send true or false' }).optional();
