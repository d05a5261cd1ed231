// The git host's resource type for the permission framework: a repository `owner/name`, with
// the rules the policy builds conditional decisions from (who may push where). The rules are
// pure: what they need (is it automation-only?) is on the resource, loaded from config.
import { GIT_HOST_REPOSITORY_RESOURCE_TYPE } from '@internal/plugin-paved-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { validateRepositoryName } from './repositoryName';

/** A repository as the permission rules see it. */
export interface GitHostRepositoryResource {
  /** `owner/name`, the resourceRef of git-host.repository.push. */
  ref: string;
  /** The owning team's name (the first half of `owner/name`). */
  owner: string;
  name: string;
  /** Written by the golden path alone (the GitOps repository and gitHost.automationOnlyRepositories). */
  automationOnly: boolean;
}

/** The query form of the rules; the git host filters no lists by permission, so it is unused. */
export type GitHostRepositoryQuery =
  | { owners: string[] }
  | { automationOnly: true };

export const gitHostRepositoryResourceRef = createPermissionResourceRef<
  GitHostRepositoryResource,
  GitHostRepositoryQuery
>().with({
  pluginId: 'git-host',
  resourceType: GIT_HOST_REPOSITORY_RESOURCE_TYPE,
});

const hasOwner = createPermissionRule({
  name: 'HAS_OWNER',
  description:
    'Allow repositories whose owner (the first half of owner/name, a team name) is one of the given owners',
  resourceRef: gitHostRepositoryResourceRef,
  paramsSchema: z.object({
    owners: z
      .array(z.string())
      .describe('Team names: the owner part of owner/name'),
  }),
  apply: (resource, { owners }) => owners.includes(resource.owner),
  toQuery: ({ owners }) => ({ owners }),
});

const isAutomationOnly = createPermissionRule({
  name: 'IS_AUTOMATION_ONLY',
  description:
    'Match repositories only the golden path writes: the GitOps repository and gitHost.automationOnlyRepositories',
  resourceRef: gitHostRepositoryResourceRef,
  apply: resource => resource.automationOnly,
  toQuery: () => ({ automationOnly: true as const }),
});

export const gitHostRepositoryRules = {
  HAS_OWNER: hasOwner,
  IS_AUTOMATION_ONLY: isAutomationOnly,
};

/**
 * For the policy: `gitHostRepositoryConditions.HAS_OWNER({ owners })` and
 * `createGitHostRepositoryConditionalDecision(gitHostRepositoryPushPermission, ...)`.
 */
export const {
  conditions: gitHostRepositoryConditions,
  createConditionalDecision: createGitHostRepositoryConditionalDecision,
} = createConditionExports({
  resourceRef: gitHostRepositoryResourceRef,
  rules: gitHostRepositoryRules,
});

/** Loads resources for refs `owner/name`; a ref that is not a valid name is undefined. */
export function repositoryResources(automationOnlyRepositories: string[]) {
  const automationOnly = new Set(automationOnlyRepositories);
  return async (refs: string[]) =>
    refs.map(ref => repositoryResource(ref, automationOnly));
}

function repositoryResource(
  ref: string,
  automationOnly: Set<string>,
): GitHostRepositoryResource | undefined {
  const [owner, name, ...rest] = ref.split('/');
  if (rest.length > 0) return undefined;
  try {
    validateRepositoryName(owner, name);
  } catch {
    return undefined;
  }
  return { ref, owner, name, automationOnly: automationOnly.has(ref) };
}
