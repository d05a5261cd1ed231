// What the Create form says when a person may not do something: why, and who can.
import { parseEntityRef } from '@backstage/catalog-model';
import { AccessContacts, platformTeamContact } from './accessContacts';

/** Shown instead of an empty owner list. */
export function noTeamMessage(contacts: AccessContacts): string {
  return (
    'You may not create a service for any team: only members of a team (and the platform ' +
    `team) create services for it. Ask ${platformTeamContact(
      contacts,
    )} to add you ` +
    'to your team in the catalog.'
  );
}

/** The owner in the form is not one of the teams the person may act for. */
export function ownerRefusal(ownerRef: string): string {
  const team = parseEntityRef(ownerRef, { defaultKind: 'group' }).name;
  return (
    `You may not create a service owned by ${ownerRef}: only members of ${team} ` +
    'and the platform team may. Pick one of your teams.'
  );
}

/**
 * "You may not add a database to payments-gateway: it is owned by group:default/payments. Ask a
 * member of payments or the platform team."
 */
export function componentChangeRefusal(options: {
  action: string;
  componentName: string;
  ownerRef?: string;
}): string {
  const { action, componentName, ownerRef } = options;
  if (!ownerRef) {
    return `You may not ${action} ${componentName}: it has no owner in the catalog. Ask the platform team.`;
  }
  const team = parseEntityRef(ownerRef, { defaultKind: 'group' }).name;
  return (
    `You may not ${action} ${componentName}: it is owned by ${ownerRef}. ` +
    `Ask a member of ${team} or the platform team.`
  );
}
