// Sums of the hourly samples, computed by the database so that a month of a large portal (one row
// per component, namespace and hour) is never read into memory. Only samples in the price sheet's
// currency are summed: after a change of currency, the older ones are kept but not added up.
import { Knex } from 'knex';
import { COST_PARTS, CostTotals, SampleKind } from './types';

const SAMPLES = 'workload_cost_samples';

export interface SampleFilter {
  /** Hours in [from, to), as 'YYYY-MM-DDTHH:00:00Z' (a day 'YYYY-MM-DD' also works for from). */
  from: string;
  to: string;
  currency: string;
  components?: string[];
  owners?: string[];
  clusters?: string[];
  namespaces?: string[];
  kinds?: SampleKind[];
}

export type SampleGrouping =
  | 'day'
  | 'hour'
  | 'component'
  | 'owner'
  | 'namespace'
  | 'cluster';

export class SampleQueries {
  constructor(private readonly db: Knex) {}

  private filtered(filter: SampleFilter) {
    const query = this.db(SAMPLES)
      .where('hour', '>=', filter.from)
      .andWhere('hour', '<', filter.to)
      .andWhere('currency', filter.currency);
    if (filter.components) query.whereIn('component', filter.components);
    if (filter.owners) query.whereIn('owner', filter.owners);
    if (filter.kinds) query.whereIn('kind', filter.kinds);
    if (filter.clusters) query.whereIn('cluster', filter.clusters);
    if (filter.namespaces) query.whereIn('namespace', filter.namespaces);
    return query;
  }

  /** Totals per value of a column (and kind), ordered by that value. */
  async totals(
    groupBy: SampleGrouping,
    filter: SampleFilter,
  ): Promise<CostTotals[]> {
    const query = this.filtered(filter)
      .select({ key: groupBy, kind: 'kind' })
      .countDistinct({ hours: 'hour' })
      .sum({
        incompleteSamples: this.db.raw('case when complete then 0 else 1 end'),
      })
      .groupBy([groupBy, 'kind'])
      .orderBy([groupBy, 'kind']);
    for (const part of COST_PARTS) query.sum({ [part]: part });
    const rows: any[] = await query;
    return rows.map(r => ({
      key: r.key ?? '',
      kind: r.kind,
      hours: Number(r.hours),
      incompleteSamples: Number(r.incompleteSamples),
      ...Object.fromEntries(COST_PARTS.map(p => [p, Number(r[p] ?? 0)])),
    })) as CostTotals[];
  }

  /** The clusters a filter's samples come from, with the pricing methods used there. */
  async sources(
    filter: SampleFilter,
  ): Promise<{ cluster: string; method: string }[]> {
    return this.filtered(filter)
      .distinct('cluster', 'method')
      .orderBy(['cluster', 'method']);
  }

  /** Each component with the owner it had then (one row per pair). */
  async componentOwners(
    filter: SampleFilter,
  ): Promise<{ component: string; owner: string | null }[]> {
    return this.filtered(filter)
      .where('kind', 'component')
      .distinct('component', 'owner')
      .orderBy(['component', 'owner']);
  }

  /** The latest hour with samples for a filter, if any. */
  async latestHour(filter: SampleFilter): Promise<string | undefined> {
    const row: any = await this.filtered(filter).max({ hour: 'hour' }).first();
    return row?.hour ?? undefined;
  }
}
