// The plugin's tables (migrations/). A cluster's pass replaces that cluster's samples of the hour
// as a whole, so a retried or repeated pass records each hour once, and a pass that fails after
// a complete one of the same hour keeps the complete data (and says why the retry failed).
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { SampleQueries } from './SampleQueries';
import { ClusterPass, CostSample, CountedDetails } from './types';

const SAMPLES = 'workload_cost_samples';
const PASSES = 'workload_cost_passes';
const COUNTED = 'workload_cost_counted';

function passOf(r: any): ClusterPass {
  return {
    hour: r.hour,
    cluster: r.cluster,
    method: r.method,
    complete: Boolean(r.complete),
    error: r.error ?? undefined,
    note: r.note ?? undefined,
    attemptedAt: r.attempted_at,
  };
}

const migrationsDir = resolvePackagePath(
  '@internal/plugin-workload-cost-backend',
  'migrations',
);

export class CostStore {
  static async create(database: DatabaseService): Promise<CostStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new CostStore(client);
  }

  readonly samples: SampleQueries;

  constructor(private readonly db: Knex) {
    this.samples = new SampleQueries(db);
  }

  /** Records one cluster's pass of an hour; 'kept' when an earlier complete pass stands. */
  async saveClusterHour(input: {
    pass: ClusterPass;
    samples: CostSample[];
    counted: CountedDetails[];
  }): Promise<'saved' | 'kept'> {
    const { pass } = input;
    const key = { hour: pass.hour, cluster: pass.cluster };
    const now = pass.attemptedAt;
    return this.db.transaction(async tx => {
      const existing = await tx(PASSES).where(key).first();
      if (existing && Boolean(existing.complete) && !pass.complete) {
        await tx(PASSES)
          .where(key)
          .update({ attempted_at: now, error: pass.error ?? null });
        return 'kept';
      }
      await tx(SAMPLES).where(key).delete();
      const rows = input.samples.map(s => ({
        hour: s.hour,
        day: s.hour.slice(0, 10),
        cluster: s.cluster,
        namespace: s.namespace,
        component: s.component ?? '',
        owner: s.owner ?? null,
        kind: s.kind,
        currency: s.currency,
        cpu: s.cpu,
        memory: s.memory,
        storage: s.storage,
        gpu: s.gpu,
        databases: s.databases,
        other: s.other,
        total: s.total,
        method: s.method,
        complete: s.complete,
        collected_at: now,
      }));
      for (let i = 0; i < rows.length; i += 200) {
        await tx(SAMPLES).insert(rows.slice(i, i + 200));
      }
      await tx(PASSES)
        .insert({
          ...key,
          method: pass.method,
          complete: pass.complete,
          error: pass.error ?? null,
          note: pass.note ?? null,
          attempted_at: now,
        })
        .onConflict(['hour', 'cluster'])
        .merge();
      // A failed pass saw only part of the cluster: it adds to what is known, never erases it.
      if (pass.complete)
        await tx(COUNTED).where('cluster', pass.cluster).delete();
      for (const details of input.counted) {
        await tx(COUNTED)
          .insert({
            cluster: details.cluster,
            namespace: details.namespace,
            component: details.component ?? '',
            hour: details.hour,
            details: JSON.stringify(details),
          })
          .onConflict(['cluster', 'namespace', 'component'])
          .merge();
      }
      return 'saved';
    });
  }

  /** The passes of hours in [from, to), oldest first. */
  async passes(range: { from: string; to: string }): Promise<ClusterPass[]> {
    const rows = await this.db(PASSES)
      .where('hour', '>=', range.from)
      .andWhere('hour', '<', range.to)
      .orderBy(['hour', 'cluster']);
    return rows.map(passOf);
  }

  /** The latest pass of each cluster. */
  async latestPasses(): Promise<ClusterPass[]> {
    const latest = this.db(PASSES)
      .select('cluster')
      .max({ hour: 'hour' })
      .groupBy('cluster')
      .as('latest');
    const rows = await this.db(PASSES)
      .join(latest, join =>
        join
          .on(`${PASSES}.cluster`, 'latest.cluster')
          .andOn(`${PASSES}.hour`, 'latest.hour'),
      )
      .select(`${PASSES}.*`)
      .orderBy(`${PASSES}.cluster`);
    return rows.map(passOf);
  }

  /** What the latest passes counted for a component, in every cluster and namespace. */
  async counted(component: string): Promise<CountedDetails[]> {
    const rows = await this.db(COUNTED)
      .where({ component })
      .orderBy(['cluster', 'namespace']);
    return rows.map(r => JSON.parse(r.details));
  }
}
