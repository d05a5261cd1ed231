// What the usage and survey routes share: input checks that say what is wrong (bodies included),
// the read permission, and the caller's identity as the server sees it (never as the body says).
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { adoptionMetricsReadPermission } from '@internal/plugin-adoption-metrics-common';
import { Request } from 'express';
import { z } from 'zod';

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}

/** The signed-in person's entity ref, from their token; service callers are refused. */
export async function callerRef(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<string> {
  const credentials = await httpAuth.credentials(req, { allow: ['user'] });
  return credentials.principal.userEntityRef;
}

export async function authorizeRead(
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: Request,
): Promise<void> {
  const credentials = await deps.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const [decision] = await deps.permissions.authorize(
    [{ permission: adoptionMetricsReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError('You may not read the adoption metrics');
  }
}
