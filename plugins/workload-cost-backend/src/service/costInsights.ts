// Spotify Cost Insights' shape for a group or an entity over its repeating intervals
// (R2/P30D/2026-11-01), so a Cost Insights client can be fed from Paved's samples. Cost Insights
// has no notion of an incomplete day: the days that are partial or were never collected are
// listed in `incompleteDays` beside the standard fields, for clients that look.
import { InputError } from '@backstage/errors';
import {
  addDays,
  ChangeStatistic,
  Cost,
  CostIntervals,
  dayNumber,
  monthsBefore,
  parseIntervals,
  trendlineOf,
  utcDay,
} from '@internal/plugin-workload-cost-common';
import { CostStore } from '../store/CostStore';
import { dailyCosts } from './dailyCosts';

export function readIntervals(intervals: string): CostIntervals {
  try {
    return parseIntervals(intervals);
  } catch (error) {
    throw new InputError(`intervals: ${(error as Error).message}`);
  }
}

function periodStart(end: string, intervals: CostIntervals): string {
  return 'days' in intervals.duration
    ? addDays(end, -intervals.duration.days)
    : monthsBefore(end, intervals.duration.months);
}

/** The last period against the one before it, as Cost Insights compares them. */
function changeOf(
  aggregation: Cost['aggregation'],
  intervals: CostIntervals,
): ChangeStatistic | undefined {
  if (intervals.repetitions < 2) return undefined;
  const lastStart = periodStart(intervals.endDate, intervals);
  const previousStart = periodStart(lastStart, intervals);
  const sum = (from: string, to: string) => {
    const [first, end] = [dayNumber(from), dayNumber(to)];
    return aggregation
      .filter(a => dayNumber(a.date) >= first && dayNumber(a.date) < end)
      .reduce((total, a) => total + a.amount, 0);
  };
  const last = sum(lastStart, intervals.endDate);
  const previous = sum(previousStart, lastStart);
  const amount = last - previous;
  return previous === 0 ? { amount } : { amount, ratio: amount / previous };
}

export async function costInsightsDailyCost(
  store: CostStore,
  id: string,
  filter: { currency: string; components?: string[]; owners?: string[] },
  intervals: CostIntervals,
  now: Date,
): Promise<Cost & { incompleteDays: string[] }> {
  const costs = await dailyCosts(
    store,
    filter,
    { from: intervals.startDate, to: addDays(intervals.endDate, -1) },
    utcDay(now),
  );
  const aggregation = costs.days.map(d => ({ date: d.date, amount: d.amount }));
  return {
    id,
    aggregation,
    change: changeOf(aggregation, intervals),
    trendline: trendlineOf(aggregation),
    incompleteDays: costs.days.filter(d => d.partial).map(d => d.date),
  };
}
