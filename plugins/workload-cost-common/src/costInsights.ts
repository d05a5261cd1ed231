// Spotify Cost Insights' API shape (@backstage-community/plugin-cost-insights-common), so a
// Cost Insights client can be fed from Paved's data, and teams that know that plugin read the
// same numbers. Only the types and the two computations it expects of a client are here.
import {
  dayNumber,
  dayOfNumber,
  FIRST_DAY,
  MAX_SPAN_DAYS,
  monthsBefore,
} from './utcDays';

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
const FORM =
  'R<n>/P<days>D/<YYYY-MM-DD> with n × days ≤ 366, or R<n>/P<months>M/<YYYY-MM-DD> with ' +
  'n × months ≤ 12, the day being the end (exclusive), e.g. R2/P30D/2026-10-01';

/**
 * Reads Cost Insights' intervals: R<n>/P<days>D/<end> or R<n>/P<months>M/<end> (P30D, P90D, P1M,
 * P3M in practice). Other ISO 8601 forms (weeks, times, a start instead of an end) are refused,
 * and so is a span past MAX_SPAN_DAYS: every day of it is read and answered.
 */
export function parseIntervals(intervals: string): CostIntervals {
  const match = INTERVALS.exec(intervals.trim());
  const repetitions = match ? Number(match[1]) : 0;
  const length = match ? Number(match[2]) : 0;
  if (!match || repetitions < 1 || length < 1) {
    throw new Error(
      `Cannot read ${JSON.stringify(
        intervals,
      )} as Cost Insights intervals: send ${FORM}`,
    );
  }
  const [, , , unit, endDate] = match;
  const end = dayNumber(endDate);
  // Checked before any day is built, so R1/P800000D never reaches the calendar; 12 months are
  // at most 366 days.
  const tooLong =
    unit === 'D'
      ? repetitions * length > MAX_SPAN_DAYS
      : repetitions * length > 12;
  if (tooLong) {
    throw new Error(
      `at most ${MAX_SPAN_DAYS} days (${repetitions} × ${length}${unit} is more); send ${FORM}`,
    );
  }
  let startDate: string;
  try {
    startDate =
      unit === 'D'
        ? dayOfNumber(end - repetitions * length)
        : monthsBefore(endDate, repetitions * length);
  } catch {
    throw new Error(
      `the first period would start before ${FIRST_DAY}; send ${FORM}`,
    );
  }
  return {
    repetitions,
    duration: unit === 'D' ? { days: length } : { months: length },
    endDate,
    startDate,
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
