// What a request looks at: the services of the catalog snapshot, narrowed to a team and its
// sub-teams, and who owns each service (claims and runs are attributed through it).
import { SnapshotRow } from '../store/AdoptionStore';
import { GroupRow, groupWithDescendants } from '../store/GroupStore';

export const entityName = (ref: string) => ref.split('/').pop()!;

export interface Scope {
  /** Every service in the snapshot, keyed by its name (the Argo CD label's value). */
  allServices: Map<string, SnapshotRow>;
  /** The services in scope. */
  services: SnapshotRow[];
  /** Owners in scope; undefined when the whole organisation is. */
  owners?: Set<string>;
  inScope(owner: string | undefined): boolean;
  ownerOf(component: string | undefined): string | undefined;
  title(owner: string): string;
}

export function scopeOf(
  rows: SnapshotRow[],
  groups: GroupRow[],
  owner?: string,
): Scope {
  const services = rows.filter(r => r.type === 'service');
  const owners = owner
    ? new Set(groupWithDescendants(groups, owner.toLowerCase()))
    : undefined;
  const inScope = (o: string | undefined) =>
    !owners || (o !== undefined && owners.has(o.toLowerCase()));
  const allServices = new Map(services.map(s => [entityName(s.entityRef), s]));
  const titles = new Map(
    groups.map(g => [g.ref, g.title ?? entityName(g.ref)]),
  );
  return {
    allServices,
    services: services.filter(s => inScope(s.owner)),
    owners,
    inScope,
    ownerOf: component =>
      component ? allServices.get(component)?.owner : undefined,
    title: o => titles.get(o.toLowerCase()) ?? entityName(o),
  };
}
