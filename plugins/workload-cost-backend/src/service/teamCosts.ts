// GET /teams: a month per owning team (the owner each sample had then), for the Costs page and
// its CSV, with what matched no component (per namespace) and OpenCost's idle (per cluster) as
// rows of their own: neither is spread over the teams.
import {
  addDays,
  daysInMonth,
  monthOf,
  utcDay,
  type TeamCosts,
} from '@internal/plugin-workload-cost-common';
import { dayStart } from '../hours';
import { CostStore } from '../store/CostStore';
import { addParts, CostParts, CostTotals, ZERO_PARTS } from '../store/types';

export type { TeamCosts };

type Row = CostParts & { complete: boolean };

function rowOf(totals: CostTotals[]): Row {
  return {
    ...totals.reduce<CostParts>((sum, t) => addParts(sum, t), ZERO_PARTS),
    complete: totals.every(t => t.incompleteSamples === 0),
  };
}

export async function teamCosts(
  store: CostStore,
  currency: string,
  month: string,
  now: Date,
): Promise<TeamCosts> {
  const [year, monthNumber] = month.split('-').map(Number);
  const first = `${month}-01`;
  const next = addDays(first, daysInMonth(year, monthNumber));
  const range = { from: dayStart(first), to: dayStart(next) };
  const filter = { ...range, currency };
  const [byOwner, owners, unallocated, idle, passes] = await Promise.all([
    store.samples.totals('owner', { ...filter, kinds: ['component'] }),
    store.samples.componentOwners(filter),
    store.samples.totals('namespace', { ...filter, kinds: ['unallocated'] }),
    store.samples.totals('cluster', { ...filter, kinds: ['idle'] }),
    store.passes(range),
  ]);
  const teams = byOwner.map(t => ({
    owner: t.key || null,
    ...rowOf([t]),
    services: owners.filter(o => (o.owner ?? '') === t.key).length,
  }));
  const unallocatedRow = {
    ...rowOf(unallocated),
    namespaces: unallocated.map(t => ({ namespace: t.key, ...rowOf([t]) })),
  };
  const idleRow = {
    ...rowOf(idle),
    clusters: idle.map(t => ({ cluster: t.key, ...rowOf([t]) })),
  };
  const failed = passes.filter(p => !p.complete);
  return {
    month,
    currency,
    from: range.from,
    to: monthOf(utcDay(now)) === month ? now.toISOString() : range.to,
    teams: teams.sort((a, b) => b.total - a.total),
    unallocated: unallocatedRow,
    idle: idleRow,
    total: [...teams, unallocatedRow, idleRow].reduce(
      (sum, r) => sum + r.total,
      0,
    ),
    complete:
      failed.length === 0 &&
      teams.every(t => t.complete) &&
      unallocatedRow.complete,
    errors: [
      ...new Set(failed.map(p => `${p.cluster}, ${p.hour}: ${p.error}`)),
    ].slice(0, 5),
  };
}
