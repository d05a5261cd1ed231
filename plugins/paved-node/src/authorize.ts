// The one permission check of Paved's routes: the caller's credentials, the policy's decision,
// and a refusal that says why and who may, recorded by the auditor (who, what, never a secret).
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

export interface AuthorizeDeps {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Records refusals; optional so plain unit tests need not build one. */
  auditor?: AuditorService;
}

export interface AuthorizeOptions {
  /** Who may call: people, backend plugins, or both (the default). */
  allow?: Array<'user' | 'service'>;
  /** For a resource permission: the resource the caller acts on. */
  resourceRef?: string;
  /** The refusal, as the caller reads it: what they may not do and who can. */
  refusal: string;
}

/** The principal of credentials, as an audit record names it. */
export function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return principal.userEntityRef ?? 'user';
  if (principal.type === 'service') return principal.subject ?? 'service';
  return principal.type;
}

/** Checks one permission for a request; throws NotAllowedError (403) with the reason. */
export async function authorizeRequest(
  deps: AuthorizeDeps,
  req: Request,
  permission: BasicPermission | ResourcePermission,
  options: AuthorizeOptions,
): Promise<BackstageCredentials> {
  const credentials = await deps.httpAuth.credentials(req, {
    allow: options.allow ?? ['user', 'service'],
  });
  await authorizeCredentials(deps, credentials, permission, options);
  return credentials;
}

/** The same check for credentials at hand (a scaffolder task's initiator, a git push). */
export async function authorizeCredentials(
  deps: Pick<AuthorizeDeps, 'permissions' | 'auditor'>,
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission,
  options: Omit<AuthorizeOptions, 'allow'>,
): Promise<void> {
  const request =
    'resourceType' in permission && options.resourceRef !== undefined
      ? { permission, resourceRef: options.resourceRef }
      : { permission };
  const [decision] = await deps.permissions.authorize(
    [request as { permission: BasicPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return;
  const event = await deps.auditor?.createEvent({
    eventId: 'permission-refused',
    severityLevel: 'medium',
    meta: {
      principal: principalOf(credentials),
      permission: permission.name,
      ...(options.resourceRef ? { resourceRef: options.resourceRef } : {}),
    },
  });
  const error = new NotAllowedError(options.refusal);
  await event?.fail({ error });
  throw error;
}
