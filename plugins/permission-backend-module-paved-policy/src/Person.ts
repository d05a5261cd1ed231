// A person as the policy sees them: who they are and the teams they may act for.
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

export interface Person {
  /** `user:default/kwame.mensah` */
  userEntityRef: string;
  /** The Groups the person may act for: their teams and all those teams' sub-teams. */
  mayActFor: string[];
  /** A direct member of paved.permissions.platformTeam: acts for every team. */
  isPlatform: boolean;
  /** May read adoption and cost views (everyone, unless paved.permissions.viewers narrows it). */
  isViewer: boolean;
}

/** The team names (`checkout`) of group refs, as the git host's `owner/name` spells owners. */
export function teamNames(groupRefs: string[]): string[] {
  return [...new Set(groupRefs.map(ref => parseEntityRef(ref).name))].sort();
}

/** An entity ref as the catalog writes it in relations (kind and namespace lower case). */
export function normaliseRef(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref));
}

/** Entity refs compare without regard to case, as the catalog matches them. */
export function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
