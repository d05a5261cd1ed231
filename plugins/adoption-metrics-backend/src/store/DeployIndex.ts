// The deploys as a read model in memory: the dashboard asks for tens of thousands of deploys per
// request, which SQLite and PostgreSQL hand over far slower than an array scan. The table stays
// the record; before each read one cheap query (row count and highest id) tells whether rows were
// added (by this replica or another) and only those are read. Rows are only ever added, so a
// count that does not add up means a reload, never a wrong answer.
import { DeployEvent } from '@internal/plugin-adoption-metrics-common';
import { Knex } from 'knex';

export type IndexedDeploy = DeployEvent & {
  atMs: number;
  component?: string;
  environment?: string;
};

const TABLE = 'adoption_deploys';

function toDeploy(r: any): IndexedDeploy {
  return {
    at: r.at,
    atMs: Date.parse(r.at),
    revision: r.revision,
    outcome: r.outcome,
    component: r.component ?? undefined,
    environment: r.environment ?? undefined,
    commitTimes: r.commit_times ? JSON.parse(r.commit_times) : undefined,
  };
}

/** The first index with time >= t in rows sorted by time. */
function lowerBound(rows: IndexedDeploy[], t: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].atMs < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class DeployIndex {
  private rows: IndexedDeploy[] = [];
  private count = 0;
  private maxId = 0;
  private timed = 0;
  private syncing?: Promise<void>;
  /** Per environment, each component's first successful deploy; rebuilt after new rows. */
  private readonly firsts = new Map<string, Map<string, string>>();

  constructor(private readonly db: Knex) {}

  /** Deploys of an environment (optionally of some components) in [from, to), oldest first. */
  async deploys(options: {
    environment: string;
    components?: string[];
    from: string;
    to: string;
  }): Promise<IndexedDeploy[]> {
    await this.sync();
    const wanted = options.components ? new Set(options.components) : undefined;
    const end = lowerBound(this.rows, Date.parse(options.to));
    const found: IndexedDeploy[] = [];
    for (
      let i = lowerBound(this.rows, Date.parse(options.from));
      i < end;
      i++
    ) {
      const row = this.rows[i];
      if (row.environment !== options.environment) continue;
      if (wanted && !(row.component && wanted.has(row.component))) continue;
      found.push(row);
    }
    return found;
  }

  /** Each component's first successful deploy to an environment (time to production). */
  async firstSuccesses(options: {
    environment: string;
    components: string[];
  }): Promise<Map<string, string>> {
    await this.sync();
    let firsts = this.firsts.get(options.environment);
    if (!firsts) {
      // Rows are oldest first: the first success seen per component is its first.
      firsts = new Map();
      for (const row of this.rows) {
        if (
          row.outcome === 'succeeded' &&
          row.environment === options.environment &&
          row.component &&
          !firsts.has(row.component)
        ) {
          firsts.set(row.component, row.at);
        }
      }
      this.firsts.set(options.environment, firsts);
    }
    const found = new Map<string, string>();
    for (const component of options.components) {
      const at = firsts.get(component);
      if (at) found.set(component, at);
    }
    return found;
  }

  /** Brings the index up to the table; concurrent callers share one pass. */
  sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async catchUp() {
    const stats = await this.db(TABLE)
      .count({ count: '*' })
      .count({ timed: 'commit_times' })
      .max({ maxId: 'id' })
      .first();
    const count = Number(stats?.count ?? 0);
    const maxId = Number(stats?.maxId ?? 0);
    // Commit times are filled in after a deploy is recorded: a change in how many rows have them
    // means rows changed in place, so everything is read again.
    const timed = Number(stats?.timed ?? 0);
    if (count === this.count && maxId === this.maxId && timed === this.timed) {
      return;
    }
    const added =
      timed === this.timed
        ? await this.db(TABLE).where('id', '>', this.maxId).orderBy('id')
        : undefined;
    if (added && this.count + added.length === count) {
      this.rows.push(...added.map(toDeploy));
    } else {
      // Rows changed in place, or committed out of id order (another replica's slower
      // transaction): read it all.
      this.rows = (await this.db(TABLE)).map(toDeploy);
    }
    this.rows.sort((a, b) => a.atMs - b.atMs);
    this.firsts.clear();
    this.count = count;
    this.maxId = maxId;
    this.timed = timed;
  }
}
