// Who a person asks when the portal refuses them: the platform team (which may act for every
// team) and, where the platform team has published one, the channel it answers requests in.
import { ConfigApi } from '@backstage/core-plugin-api';

export interface AccessContacts {
  /** Entity ref of the platform team, e.g. group:default/platform. */
  platformTeam: string;
  /** Where the platform team takes requests, e.g. "#platform-help on Slack". */
  approvalContact?: string;
}

const DEFAULT_PLATFORM_TEAM = 'group:default/platform';

export function readAccessContacts(config: ConfigApi): AccessContacts {
  const platformTeam =
    config.getOptionalString('paved.permissions.platformTeam') ??
    DEFAULT_PLATFORM_TEAM;
  const offerings = config.getOptionalConfig('paved.goldenPath.offerings');
  const approvalContact = offerings
    ?.keys()
    .map(key => offerings.getOptionalString(`${key}.approvalContact`))
    .find(Boolean);
  return { platformTeam, approvalContact };
}

/** "the platform team (group:default/platform, #platform-help on Slack)" */
export function platformTeamContact(contacts: AccessContacts): string {
  const where = [contacts.platformTeam, contacts.approvalContact]
    .filter(Boolean)
    .join(', ');
  return `the platform team (${where})`;
}
