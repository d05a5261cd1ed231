// Daily costs from the hourly samples, each day saying whether it can be trusted: a day is
// partial while it runs (today), when an hour of it has no complete pass of the clusters the
// costs come from, or when a sample of it came from a pass that failed part-way. A day without
// any pass is missing, not free. Forecasts then leave partial days out of the run-rate.
import {
  addDays,
  daysBetween,
  daysFrom,
  type DayCost,
} from '@internal/plugin-workload-cost-common';
import { dayStart } from '../hours';
import { CostStore } from '../store/CostStore';
import { SampleFilter } from '../store/SampleQueries';
import { addParts, CostParts, ZERO_PARTS } from '../store/types';

export type { DayCost };

export interface DailyCosts {
  days: DayCost[];
  /** The clusters the costs come from. */
  clusters: string[];
  /** Why some hours are incomplete: the passes' errors, newest first. */
  errors: string[];
}

export async function dailyCosts(
  store: CostStore,
  filter: Omit<SampleFilter, 'from' | 'to'>,
  range: { from: string; to: string },
  today: string,
): Promise<DailyCosts> {
  const window = {
    from: dayStart(range.from),
    to: dayStart(addDays(range.to, 1)),
  };
  const [totals, sources, allPasses] = await Promise.all([
    store.samples.totals('day', { ...filter, ...window }),
    store.samples.sources({ ...filter, ...window }),
    store.passes(window),
  ]);
  const clusters = [...new Set(sources.map(s => s.cluster))];
  // Without samples, any cluster could have held the costs: all passes count.
  const passes = clusters.length
    ? allPasses.filter(p => clusters.includes(p.cluster))
    : allPasses;
  const hourComplete = new Map<string, boolean>();
  for (const pass of passes) {
    hourComplete.set(
      pass.hour,
      (hourComplete.get(pass.hour) ?? true) && pass.complete,
    );
  }
  const byDay = new Map<string, { parts: CostParts; incomplete: number }>();
  for (const t of totals) {
    const day = byDay.get(t.key) ?? { parts: ZERO_PARTS, incomplete: 0 };
    byDay.set(t.key, {
      parts: addParts(day.parts, t),
      incomplete: day.incomplete + t.incompleteSamples,
    });
  }
  const days = daysBetween(range.from, range.to).map(date => {
    const hours = [...hourComplete.entries()].filter(([h]) =>
      h.startsWith(date),
    );
    const sampled = byDay.get(date);
    const complete = hours.filter(([, ok]) => ok).length;
    const missing = hours.length === 0 && !sampled;
    return {
      date,
      amount: sampled?.parts.total ?? 0,
      partial:
        missing ||
        daysFrom(today, date) >= 0 ||
        complete < 24 ||
        (sampled?.incomplete ?? 0) > 0,
      missing,
      parts: sampled?.parts ?? ZERO_PARTS,
    };
  });
  const errors = [
    ...new Set(
      passes
        .filter(p => p.error && !p.complete)
        .reverse()
        .map(p => `${p.cluster}, ${p.hour}: ${p.error}`),
    ),
  ].slice(0, 5);
  return { days, clusters, errors };
}
