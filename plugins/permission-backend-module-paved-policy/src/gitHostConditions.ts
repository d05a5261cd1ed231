// git-host.repository.push as conditions on the git host's own rules (pluginId 'git-host',
// resource 'git-host-repository'). Spelled out here rather than imported so the policy does not
// load the git host plugin; the rule names are the git host's HAS_OWNER and IS_AUTOMATION_ONLY.
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { GIT_HOST_REPOSITORY_RESOURCE_TYPE } from '@internal/plugin-paved-common';
import { Person, teamNames } from './Person';

const hasOwner = (owners: string[]): PermissionCondition => ({
  rule: 'HAS_OWNER',
  resourceType: GIT_HOST_REPOSITORY_RESOURCE_TYPE,
  params: { owners },
});

const isAutomationOnly: PermissionCondition = {
  rule: 'IS_AUTOMATION_ONLY',
  resourceType: GIT_HOST_REPOSITORY_RESOURCE_TYPE,
  params: {},
};

/** People push to their teams' repositories, the platform team to all; nobody to automation's. */
export function pushDecision(
  _permission: Permission,
  person: Person,
): PolicyDecision {
  const notAutomation: PermissionCriteria<PermissionCondition> = {
    not: isAutomationOnly,
  };
  if (!person.isPlatform && person.mayActFor.length === 0) {
    return { result: AuthorizeResult.DENY };
  }
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'git-host',
    resourceType: GIT_HOST_REPOSITORY_RESOURCE_TYPE,
    conditions: person.isPlatform
      ? notAutomation
      : { allOf: [hasOwner(teamNames(person.mayActFor)), notAutomation] },
  };
}
