// Who may call the adoption routes, and what a refusal says: why, and who to ask. The checks
// themselves are Paved's one permission check (@internal/plugin-paved-node's authorizeRequest).
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  adoptionMetricsReadPermission,
  adoptionSurveyAnswerPermission,
  adoptionUsageRecordPermission,
} from '@internal/plugin-adoption-metrics-common';
import { authorizeRequest } from '@internal/plugin-paved-node';
import { Request } from 'express';

export interface AccessDeps {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor?: AuditorService;
}

// authorizeRequest was told to allow people only, so these are a person's credentials.
const userRefOf = (credentials: BackstageCredentials) =>
  (credentials as BackstageCredentials<BackstageUserPrincipal>).principal
    .userEntityRef;

/** The read routes: people and backend plugins with adoption.metrics.read. */
export async function authorizeRead(deps: AccessDeps, req: Request) {
  await authorizeRequest(deps, req, adoptionMetricsReadPermission, {
    refusal:
      'You may not read the adoption metrics: only members of the groups in paved.permissions.viewers (and the platform team) may; ask the platform team to add your team',
  });
}

/** POST /events: a signed-in person records their own portal use; returns their entity ref. */
export async function authorizeUsageRecord(
  deps: AccessDeps,
  req: Request,
): Promise<string> {
  const credentials = await authorizeRequest(
    deps,
    req,
    adoptionUsageRecordPermission,
    {
      allow: ['user'],
      refusal:
        'You may not record portal use (adoption.usage.record): the permission policy refused it for you; ask the platform team',
    },
  );
  return userRefOf(credentials);
}

/** POST /survey: a signed-in person answers the survey; returns their entity ref. */
export async function authorizeSurveyAnswer(
  deps: AccessDeps,
  req: Request,
): Promise<string> {
  const credentials = await authorizeRequest(
    deps,
    req,
    adoptionSurveyAnswerPermission,
    {
      allow: ['user'],
      refusal:
        'You may not answer the survey (adoption.survey.answer): the permission policy refused it for you; ask the platform team',
    },
  );
  return userRefOf(credentials);
}

/** The signed-in person's entity ref, from their token; service callers are refused. */
export async function callerRef(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<string> {
  const credentials = await httpAuth.credentials(req, { allow: ['user'] });
  return credentials.principal.userEntityRef;
}
