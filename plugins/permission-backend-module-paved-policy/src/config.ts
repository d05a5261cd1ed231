// paved.permissions, parsed once at start-up: a bad value stops the backend with a message
// naming the field, rather than a policy that silently decides on a default.
import { RootConfigService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

export interface PavedPermissionsConfig {
  /** The platform team's Group ref, normalised (`group:default/platform`). */
  platformTeam: string;
  /** Groups whose members read adoption and cost views; undefined means everyone signed in. */
  viewers?: string[];
}

const groupRef = z.string().transform((value, ctx) => {
  try {
    const ref = parseEntityRef(value, { defaultKind: 'group' });
    if (ref.kind.toLocaleLowerCase('en-US') === 'group') {
      return stringifyEntityRef(ref);
    }
  } catch {
    // reported below, with the field's name
  }
  ctx.addIssue({
    code: 'custom',
    message: `expected a Group entity ref such as group:default/platform, got '${value}'`,
  });
  return z.NEVER;
});

const schema = z.strictObject({
  platformTeam: groupRef.default('group:default/platform'),
  viewers: z.array(groupRef).min(1).optional(),
});

export function readPavedPermissionsConfig(
  config: RootConfigService,
): PavedPermissionsConfig {
  const raw = config.getOptional('paved.permissions') ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(
        issue =>
          `paved.permissions${issue.path.map(p => `.${String(p)}`).join('')}: ${
            issue.message
          }`,
      )
      .join('; ');
    throw new Error(`Invalid permission configuration: ${problems}`);
  }
  return parsed.data;
}
