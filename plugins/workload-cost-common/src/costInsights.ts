// Spotify Cost Insights' API shape (@backstage-community/plugin-cost-insights-common), so a
// Cost Insights client can be fed from Paved's data, and teams that know that plugin read the
// same numbers. Only the types and the two computations it expects of a client are here.
import { dayParts, daysInMonth } from './utcDays';

/** One point of a cost series: a UTC day ('YYYY-MM-DD') and its amount. */
export interface DateAggregation {
  date: string;
  amount: number;
}

/** A change between two periods; ratio absent when the earlier amount is 0. */
export interface ChangeStatistic {
  ratio?: number;
  amount: number;
}

/** amount ≈ slope × (seconds since the epoch) + intercept. */
export interface Trendline {
  slope: number;
  intercept: number;
}

/** Cost Insights' Cost: a series for a group, project or entity. */
export interface Cost {
  id: string;
  aggregation: DateAggregation[];
  change?: ChangeStatistic;
  trendline?: Trendline;
  /** E.g. { product: Cost[] }: the same cost split by a dimension. */
  groupedCosts?: Record<string, Cost[]>;
}

/** A parsed ISO 8601 repeating interval as Cost Insights sends it, e.g. R2/P30D/2026-10-01. */
export interface CostIntervals {
  /** How many consecutive periods (2: this one and the one before, to compare). */
  repetitions: number;
  duration: { days: number } | { months: number };
  /** The day the last period ends on, exclusive. */
  endDate: string;
  /** The first day of the first period, inclusive: endDate − repetitions × duration. */
  startDate: string;
}

const INTERVALS = /^R(\d+)\/P(\d+)([DM])\/(\d{4}-\d{2}-\d{2})$/;

function monthsBefore(day: string, months: number): string {
  const { year, month, day: dayOfMonth } = dayParts(day);
  const total = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  // 31 March minus one month is the last day of February, not 3 March.
  const clamped = Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth));
  return new Date(Date.UTC(targetYear, targetMonth - 1, clamped))
    .toISOString()
    .slice(0, 10);
}

/**
 * Reads Cost Insights' intervals: R<n>/P<days>D/<end> or R<n>/P<months>M/<end> (P30D, P90D, P1M,
 * P3M in practice). Other ISO 8601 forms (weeks, times, a start instead of an end) are refused.
 */
export function parseIntervals(intervals: string): CostIntervals {
  const match = INTERVALS.exec(intervals.trim());
  const repetitions = match ? Number(match[1]) : 0;
  const length = match ? Number(match[2]) : 0;
  if (!match || repetitions < 1 || length < 1) {
    throw new Error(
      `Cannot read ${JSON.stringify(
        intervals,
      )} as Cost Insights intervals: write R<repetitions>/P<n>D or R<repetitions>/P<n>M ` +
        'followed by the end day, e.g. R2/P30D/2026-10-01 or R2/P1M/2026-10-01',
    );
  }
  const endDate = match[4];
  const end = dayParts(endDate);
  if (match[3] === 'D') {
    const start = new Date(
      Date.UTC(end.year, end.month - 1, end.day - repetitions * length),
    );
    return {
      repetitions,
      duration: { days: length },
      endDate,
      startDate: start.toISOString().slice(0, 10),
    };
  }
  return {
    repetitions,
    duration: { months: length },
    endDate,
    startDate: monthsBefore(endDate, repetitions * length),
  };
}

/**
 * The least-squares line through a series, with x in seconds since the epoch (Date.parse(date) /
 * 1000), as Cost Insights' example client computes it, so the chart draws it the same way. The
 * example client rounds slope and intercept to 5 decimals; this does not, because a slope per
 * second is tiny (10 a day is 0.000116 per second) and that rounding would flatten it. x is
 * centred before the sums to keep precision with epoch-sized values. With one point the line is
 * flat through it; with none, zero.
 */
export function trendlineOf(
  aggregation: readonly DateAggregation[],
): Trendline {
  if (aggregation.length === 0) return { slope: 0, intercept: 0 };
  const points = aggregation.map(a => ({
    x: Date.parse(a.date) / 1000,
    y: a.amount,
  }));
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  const slope = variance > 0 ? covariance / variance : 0;
  return { slope, intercept: meanY - slope * meanX };
}
