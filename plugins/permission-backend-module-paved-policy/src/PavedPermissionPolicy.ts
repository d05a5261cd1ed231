// The policy: who the person is (their teams, from their sign-in's ownership refs and the group
// tree), then the decision table. Service principals never get here: the permission framework
// allows backend-to-backend calls itself.
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { PavedPermissionsConfig } from './config';
import { decide } from './decisions';
import { normaliseRef, Person, sameRef } from './Person';
import { TeamTree } from './TeamTree';

export interface PavedPermissionPolicyOptions {
  config: PavedPermissionsConfig;
  teams: Pick<TeamTree, 'withDescendants'>;
  userInfo: UserInfoService;
  auditor: AuditorService;
}

export class PavedPermissionPolicy implements PermissionPolicy {
  readonly #options: PavedPermissionPolicyOptions;

  constructor(options: PavedPermissionPolicyOptions) {
    this.#options = options;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // No user: an unauthenticated caller (the permission backend lets those through only when
    // its default auth policy is turned off). Nothing is open to them.
    const decision: PolicyDecision = user
      ? decide(request.permission, await this.person(userCredentials(user)))
      : { result: AuthorizeResult.DENY };
    if (decision.result === AuthorizeResult.DENY) {
      await this.#recordDenial(request, user);
    }
    return decision;
  }

  /** The person behind user credentials; public for the README's examples and the tests. */
  async person(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Person> {
    const { config, teams, userInfo } = this.#options;
    const { userEntityRef, ownershipEntityRefs } = await userInfo.getUserInfo(
      credentials,
    );
    const groups = ownershipEntityRefs.filter(isGroupRef).map(normaliseRef);
    const memberOf = (group: string) => groups.some(ref => sameRef(ref, group));
    return {
      userEntityRef,
      mayActFor: await teams.withDescendants(groups),
      isPlatform: memberOf(config.platformTeam),
      isViewer: config.viewers === undefined || config.viewers.some(memberOf),
    };
  }

  async #recordDenial(request: PolicyQuery, user?: PolicyQueryUser) {
    const event = await this.#options.auditor.createEvent({
      eventId: 'policy-deny',
      severityLevel: 'medium',
      meta: {
        principal: user
          ? userCredentials(user).principal.userEntityRef
          : 'none',
        permission: request.permission.name,
      },
    });
    await event.success();
  }
}

// The permission backend hands the policy a user's credentials only (service principals never
// reach it), typed with an unknown principal.
function userCredentials(
  user: PolicyQueryUser,
): BackstageCredentials<BackstageUserPrincipal> {
  return user.credentials as BackstageCredentials<BackstageUserPrincipal>;
}

function isGroupRef(ref: string): boolean {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group';
  } catch {
    return false;
  }
}
