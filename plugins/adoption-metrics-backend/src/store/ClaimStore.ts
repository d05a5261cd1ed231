// Crossplane claims seen in the clusters. A claim that disappears is marked gone, not deleted, so
// the self-service rate of a past period still counts it.
import { Knex } from 'knex';

export interface ClaimRow {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  component?: string;
  owner?: string;
  /** The golden-path task that made it; undefined for a claim written by hand. */
  taskId?: string;
  createdAt: string;
}

const TABLE = 'adoption_claims';

export class ClaimStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records what one cluster holds now for some kinds: seen claims are (re)marked present, the
   * others of those kinds in that cluster are marked gone.
   */
  async saveSeen(options: {
    cluster: string;
    kinds: string[];
    claims: ClaimRow[];
    now: string;
  }): Promise<void> {
    const { cluster, kinds, claims, now } = options;
    await this.db.transaction(async tx => {
      for (let i = 0; i < claims.length; i += 200) {
        await tx(TABLE)
          .insert(
            claims.slice(i, i + 200).map(c => ({
              cluster: c.cluster,
              namespace: c.namespace,
              kind: c.kind,
              name: c.name,
              component: c.component ?? null,
              owner: c.owner ?? null,
              task_id: c.taskId ?? null,
              created_at: c.createdAt,
              last_seen_at: now,
              gone_at: null,
            })),
          )
          .onConflict(['cluster', 'namespace', 'kind', 'name'])
          .merge(['component', 'owner', 'task_id', 'last_seen_at', 'gone_at']);
      }
      await tx(TABLE)
        .where({ cluster })
        .whereIn('kind', kinds)
        .whereNull('gone_at')
        .andWhere('last_seen_at', '<', now)
        .update({ gone_at: now });
    });
  }

  /** Claims created before `to` and not gone before `from`. */
  async claims(options: { from?: string; to: string }): Promise<ClaimRow[]> {
    const query = this.db(TABLE).where('created_at', '<', options.to);
    if (options.from) {
      const from = options.from;
      query.andWhere(q =>
        q.whereNull('gone_at').orWhere('gone_at', '>=', from),
      );
    }
    const rows = await query.orderBy('created_at');
    return rows.map(r => ({
      cluster: r.cluster,
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      component: r.component ?? undefined,
      owner: r.owner ?? undefined,
      taskId: r.task_id ?? undefined,
      createdAt: r.created_at,
    }));
  }
}
