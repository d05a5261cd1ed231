// Portal use, pre-aggregated as it arrives: one row per person (pseudonym) and UTC hour, so daily
// active people can be counted in any viewer's time zone, each person's first hour ("new"), and
// event counts per UTC day, team, plugin and action ("what is used"). No raw events are kept.
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { UsageEvent } from '@internal/plugin-adoption-metrics-common';
import { Knex } from 'knex';

export interface UsageBatch {
  /** When the batch arrived (the server's clock, not the browser's). */
  at: Date;
  pseudonym: string;
  team?: string;
  events: { pluginId: string; action: string }[];
}

const migrationsDir = resolvePackagePath(
  '@internal/plugin-adoption-metrics-backend',
  'migrations',
);

export const hourOf = (at: Date) =>
  `${at.toISOString().slice(0, 13)}:00:00.000Z`;

export class UsageStore {
  static async create(database: DatabaseService): Promise<UsageStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new UsageStore(client);
  }

  constructor(readonly db: Knex) {}

  async record(batch: UsageBatch): Promise<void> {
    const hour = hourOf(batch.at);
    const day = hour.slice(0, 10);
    const team = batch.team ?? '';
    const counts = new Map<
      string,
      { plugin_id: string; action: string; events: number }
    >();
    for (const e of batch.events) {
      const key = JSON.stringify([e.pluginId, e.action]);
      const row = counts.get(key) ?? {
        plugin_id: e.pluginId,
        action: e.action,
        events: 0,
      };
      row.events += 1;
      counts.set(key, row);
    }
    await this.db.transaction(async tx => {
      await tx('adoption_usage_hours')
        .insert({ hour, pseudonym: batch.pseudonym, team: batch.team ?? null })
        .onConflict(['hour', 'pseudonym'])
        .ignore();
      await tx('adoption_usage_first_seen')
        .insert({ pseudonym: batch.pseudonym, first_hour: hour })
        .onConflict('pseudonym')
        .ignore();
      if (counts.size === 0) return;
      await tx('adoption_usage_counts')
        .insert([...counts.values()].map(c => ({ day, team, ...c })))
        .onConflict(['day', 'team', 'plugin_id', 'action'])
        .merge({
          events: tx.raw('?? + ??', [
            'adoption_usage_counts.events',
            'excluded.events',
          ]),
        });
    });
  }

  /** Each person-hour in [from, to), optionally of one team's people. */
  async activity(options: {
    from: string;
    to: string;
    team?: string;
  }): Promise<UsageEvent[]> {
    const query = this.db('adoption_usage_hours')
      .select('hour', 'pseudonym')
      .where('hour', '>=', options.from)
      .andWhere('hour', '<', options.to);
    if (options.team) query.andWhere('team', options.team);
    return (await query).map(r => ({ person: r.pseudonym, at: r.hour }));
  }

  /** The people first seen in [from, to), with that first hour. */
  async firstSeen(options: {
    from: string;
    to: string;
  }): Promise<Map<string, string>> {
    const rows = await this.db('adoption_usage_first_seen')
      .where('first_hour', '>=', options.from)
      .andWhere('first_hour', '<', options.to);
    return new Map(rows.map(r => [r.pseudonym, r.first_hour]));
  }

  /** Events per plugin over UTC days [fromDay, toDay], most used first. */
  async topPlugins(options: {
    fromDay: string;
    toDay: string;
    team?: string;
    limit: number;
  }): Promise<{ pluginId: string; events: number }[]> {
    const query = this.db('adoption_usage_counts')
      .select('plugin_id')
      .sum({ events: 'events' })
      .whereBetween('day', [options.fromDay, options.toDay])
      .groupBy('plugin_id')
      .orderBy([{ column: 'events', order: 'desc' }, { column: 'plugin_id' }])
      .limit(options.limit);
    if (options.team) query.andWhere('team', options.team);
    const rows = (await query) as { plugin_id: string; events: string }[];
    return rows.map(r => ({
      pluginId: r.plugin_id,
      events: Number(r.events),
    }));
  }
}
