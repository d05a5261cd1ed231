// The permissions of the golden path and the git host, defined once for the plugins that check
// them, the policy that decides them and the frontend that hides what a person may not do.
// Adoption and cost reads live beside their plugins (adoption-metrics-common,
// workload-cost-common); paved.permissions in app-config.yaml says who holds which.
import { createPermission } from '@backstage/plugin-permission-common';

/** The catalog's resource type: conditions on it are evaluated by the catalog's own rules. */
export const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/** A repository of the embedded git host, as `owner/name`. */
export const GIT_HOST_REPOSITORY_RESOURCE_TYPE = 'git-host-repository';

/**
 * Create a service (repository, Application, claim, catalog entry) owned by a team. The resource
 * is the owning Group's entity ref: a person may act for the teams they belong to and their
 * sub-teams; the platform team for every team.
 */
export const goldenPathServiceCreatePermission = createPermission({
  name: 'golden-path.service.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Change an existing service (add a database, and every later day-two change). The resource is
 * the Component: only its owning team (sub-teams included) and the platform team.
 */
export const goldenPathComponentChangePermission = createPermission({
  name: 'golden-path.component.change',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/** Create a repository on the embedded git host: the golden path's service credentials only. */
export const gitHostRepositoryCreatePermission = createPermission({
  name: 'git-host.repository.create',
  attributes: { action: 'create' },
});

/**
 * Push to a repository of the embedded git host: members of its owning team (the `owner` part of
 * `owner/name`); repositories written by automation (the GitOps repository) by the golden path
 * alone.
 */
export const gitHostRepositoryPushPermission = createPermission({
  name: 'git-host.repository.push',
  attributes: { action: 'update' },
  resourceType: GIT_HOST_REPOSITORY_RESOURCE_TYPE,
});

export const goldenPathPermissions = [
  goldenPathServiceCreatePermission,
  goldenPathComponentChangePermission,
];

export const gitHostPermissions = [
  gitHostRepositoryCreatePermission,
  gitHostRepositoryPushPermission,
];

/**
 * Run or cancel a plugin's scheduled task now, through Backstage's
 * `POST /api/<plugin>/.backstage/scheduler/v1/tasks/<id>/trigger|cancel`: a collector pass costs
 * the cluster and the database a full read, and a cancel stops one mid-way, so the platform team
 * only (other backends, with service credentials, always may).
 */
export const schedulerTaskTriggerPermission = createPermission({
  name: 'paved.scheduler.task.trigger',
  attributes: { action: 'update' },
});
