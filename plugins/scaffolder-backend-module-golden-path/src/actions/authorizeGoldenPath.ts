// Who may use the golden path, decided by the permission policy for the task's user (never for
// what the form says about them): creating a service for a team, or changing an existing one.
// The side effects that follow run with the golden path's own service credentials, so this check
// is what stands between a person and a repository, a cluster object or a catalog entry.
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  goldenPathComponentChangePermission,
  goldenPathServiceCreatePermission,
} from '@internal/plugin-paved-common';
import { authorizeCredentials, principalOf } from '@internal/plugin-paved-node';
import { GoldenPathServices } from './GoldenPathServices';

/** What the actions need of a scaffolder context to say who is acting. */
export interface TaskInitiator {
  getInitiatorCredentials(): Promise<BackstageCredentials>;
  user?: { ref?: string };
}

/** The user entity ref of the task, as audit records and refusals name it. */
export async function initiatorRef(ctx: TaskInitiator): Promise<string> {
  return ctx.user?.ref ?? principalOf(await ctx.getInitiatorCredentials());
}

const teamName = (ref: string) => parseEntityRef(ref).name;

/** The task's user may create services owned by `owner` (a Group ref), or NotAllowedError. */
export async function authorizeServiceCreate(
  services: Pick<GoldenPathServices, 'permissions' | 'auditor'>,
  ctx: TaskInitiator,
  owner: string,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const user = await initiatorRef(ctx);
  await authorizeCredentials(
    services,
    credentials,
    goldenPathServiceCreatePermission,
    {
      resourceRef: owner,
      refusal: `${user} may not create services for ${owner}: you may create them for the teams you belong to (and their sub-teams); ask a member of ${teamName(
        owner,
      )} or the platform team`,
    },
  );
}

/** The task's user may change `component` (owned by `owner`), or NotAllowedError. */
export async function authorizeComponentChange(
  services: Pick<GoldenPathServices, 'permissions' | 'auditor'>,
  ctx: TaskInitiator,
  component: string,
  owner: string,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const user = await initiatorRef(ctx);
  await authorizeCredentials(
    services,
    credentials,
    goldenPathComponentChangePermission,
    {
      resourceRef: component,
      refusal: `${user} may not change ${component}: it belongs to ${owner}, and only members of ${teamName(
        owner,
      )} (and its sub-teams) and the platform team may change it; ask a member of ${teamName(
        owner,
      )} or the platform team`,
    },
  );
}
