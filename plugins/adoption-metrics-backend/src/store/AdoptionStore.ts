// The plugin's tables (migrations/): deploys kept past Argo CD's history limit, daily catalog
// snapshots, and each collector's freshness. Inserts are idempotent, so a collector pass that runs
// twice, or on two replicas, records everything once.
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ClaimStore } from './ClaimStore';
import { CommitTimeStore } from './CommitTimeStore';
import { DeployIndex, IndexedDeploy } from './DeployIndex';
import { GroupStore } from './GroupStore';
import { TemplateRunStore } from './TemplateRunStore';

export interface DeployRow {
  cluster: string;
  namespace: string;
  application: string;
  eventKey: string;
  component?: string;
  environment?: string;
  outcome: 'succeeded' | 'failed';
  revision: string;
  at: string;
  commitTimes?: string[];
  /** The repository the Application deploys from. */
  repoUrl?: string;
}

export interface SnapshotRow {
  entityRef: string;
  owner?: string;
  type?: string;
  sourceTemplate?: string;
  /** `paved.dev/created-at`, stamped by the golden path. */
  createdAt?: string;
}

export interface CollectorStatus {
  collector: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  lastError?: string;
}

const migrationsDir = resolvePackagePath(
  '@internal/plugin-adoption-metrics-backend',
  'migrations',
);

export class AdoptionStore {
  static async create(database: DatabaseService): Promise<AdoptionStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new AdoptionStore(client);
  }

  readonly templateRuns: TemplateRunStore;
  readonly claims: ClaimStore;
  readonly groups: GroupStore;
  readonly commitTimes: CommitTimeStore;
  private readonly deployIndex: DeployIndex;
  private readonly snapshots = new Map<
    string,
    { savedAt: string; rows: SnapshotRow[] }
  >();

  constructor(private readonly db: Knex) {
    this.templateRuns = new TemplateRunStore(db);
    this.claims = new ClaimStore(db);
    this.groups = new GroupStore(db);
    this.commitTimes = new CommitTimeStore(db);
    this.deployIndex = new DeployIndex(db);
  }

  /** Adds deploys not seen before; returns how many were new. */
  async addDeploys(rows: DeployRow[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200).map(r => ({
        cluster: r.cluster,
        namespace: r.namespace,
        application: r.application,
        event_key: r.eventKey,
        component: r.component ?? null,
        environment: r.environment ?? null,
        outcome: r.outcome,
        revision: r.revision,
        at: r.at,
        commit_times: r.commitTimes ? JSON.stringify(r.commitTimes) : null,
        repo_url: r.repoUrl ?? null,
      }));
      const before = await this.countDeploys();
      await this.db('adoption_deploys')
        .insert(batch)
        .onConflict(['cluster', 'namespace', 'application', 'event_key'])
        .ignore();
      added += (await this.countDeploys()) - before;
    }
    return added;
  }

  async countDeploys(): Promise<number> {
    const [{ count }] = await this.db('adoption_deploys').count({ count: '*' });
    return Number(count);
  }

  /** Deploys of an environment (optionally of some components) in [from, to), oldest first. */
  deploys(options: {
    environment: string;
    components?: string[];
    from: string;
    to: string;
  }): Promise<IndexedDeploy[]> {
    return this.deployIndex.deploys(options);
  }

  /** Each service's first successful deploy to an environment (template time to production). */
  firstDeploys(options: {
    environment: string;
    components: string[];
  }): Promise<Map<string, string>> {
    return this.deployIndex.firstSuccesses(options);
  }

  /** Replaces the snapshot of a day (a pass later the same day has the newer view). */
  async saveSnapshot(day: string, rows: SnapshotRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('adoption_snapshot_days')
        .insert({ day, saved_at: new Date().toISOString() })
        .onConflict('day')
        .merge();
      await tx('adoption_catalog_snapshots').where('day', day).delete();
      for (let i = 0; i < rows.length; i += 200) {
        await tx('adoption_catalog_snapshots').insert(
          rows.slice(i, i + 200).map(r => ({
            day,
            entity_ref: r.entityRef,
            owner: r.owner ?? null,
            type: r.type ?? null,
            source_template: r.sourceTemplate ?? null,
            created_at: r.createdAt ?? null,
          })),
        );
      }
    });
  }

  /**
   * The latest snapshot on or before a day, with its day; for a day before the first snapshot, the
   * first one (the catalog as first seen is the best view of a past the portal did not record).
   */
  async snapshot(
    onOrBefore: string,
  ): Promise<{ day?: string; rows: SnapshotRow[] }> {
    const days = this.db('adoption_snapshot_days');
    const version =
      (await days
        .clone()
        .where('day', '<=', onOrBefore)
        .orderBy('day', 'desc')
        .first()) ?? (await days.clone().orderBy('day').first());
    if (!version) return { rows: [] };
    const { day, saved_at: savedAt } = version;
    // A snapshot is read whole on most requests; keep the last few in memory while unchanged.
    const cached = this.snapshots.get(day);
    if (cached && cached.savedAt === savedAt) return { day, rows: cached.rows };
    const rows = (
      await this.db('adoption_catalog_snapshots')
        .where('day', day)
        .orderBy('entity_ref')
    ).map(r => ({
      entityRef: r.entity_ref,
      owner: r.owner ?? undefined,
      type: r.type ?? undefined,
      sourceTemplate: r.source_template ?? undefined,
      createdAt: r.created_at ?? undefined,
    }));
    if (this.snapshots.size >= 4) this.snapshots.clear();
    this.snapshots.set(day, { savedAt, rows });
    return { day, rows };
  }

  async recordRun(collector: string, error?: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db('adoption_collector_status')
      .insert({
        collector,
        last_attempt_at: now,
        last_success_at: error ? null : now,
        last_error: error ?? null,
      })
      .onConflict('collector')
      .merge(
        error
          ? { last_attempt_at: now, last_error: error }
          : { last_attempt_at: now, last_success_at: now, last_error: null },
      );
  }

  async collectorStatus(): Promise<CollectorStatus[]> {
    const rows = await this.db('adoption_collector_status').orderBy(
      'collector',
    );
    return rows.map(r => ({
      collector: r.collector,
      lastAttemptAt: r.last_attempt_at,
      lastSuccessAt: r.last_success_at ?? undefined,
      lastError: r.last_error ?? undefined,
    }));
  }
}
