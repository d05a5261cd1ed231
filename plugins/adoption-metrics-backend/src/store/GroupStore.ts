// The catalog's group tree as of the last pass: a team filter includes its sub-teams.
import { Knex } from 'knex';

export interface GroupRow {
  ref: string;
  parent?: string;
  title?: string;
}

const TABLE = 'adoption_groups';

export class GroupStore {
  constructor(private readonly db: Knex) {}

  async replace(groups: GroupRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(TABLE).delete();
      for (let i = 0; i < groups.length; i += 200) {
        await tx(TABLE).insert(
          groups.slice(i, i + 200).map(g => ({
            ref: g.ref,
            parent: g.parent ?? null,
            title: g.title ?? null,
          })),
        );
      }
    });
  }

  async all(): Promise<GroupRow[]> {
    const rows = await this.db(TABLE).orderBy('ref');
    return rows.map(r => ({
      ref: r.ref,
      parent: r.parent ?? undefined,
      title: r.title ?? undefined,
    }));
  }
}

/** A group and every group below it, however deep (cycles are ignored). */
export function groupWithDescendants(
  groups: GroupRow[],
  ref: string,
): string[] {
  const children = new Map<string, string[]>();
  for (const g of groups) {
    if (!g.parent) continue;
    children.set(g.parent, [...(children.get(g.parent) ?? []), g.ref]);
  }
  const found = new Set<string>([ref]);
  const queue = [ref];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return [...found];
}
