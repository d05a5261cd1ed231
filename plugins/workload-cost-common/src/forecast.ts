// Month to date, run-rate and the month-end forecast from daily costs. Definitions (also in the
// README, so the card can link to them):
// - month to date: the sum of the month's full UTC days before today; today is still running and
//   is reported on its own (todaySoFar).
// - daily run-rate: by default the average of the complete days among the 7 UTC days before today
//   (reaching into the previous month early in a month); alternatively the last complete day of
//   those 7. Missing days are left out of the average, not counted as zero: a gap in collection
//   is more likely than a free day. The basis and the days used are returned, so the UI can say
//   "average of 5 of the last 7 days".
// - monthly run-rate: daily run-rate × days in this month.
// - forecast: month to date + daily run-rate × the days left, today included.
import { compareCosts, CostChange } from './change';
import {
  addDays,
  dayParts,
  daysBetween,
  daysInMonth,
  monthOf,
  utcDay,
} from './utcDays';

/** One day's cost; partial when the day's data is not complete yet (or was cut short). */
export interface DailyCost {
  /** UTC day, 'YYYY-MM-DD'. */
  date: string;
  amount: number;
  partial?: boolean;
}

export type RunRateBasis = 'last-7-days' | 'last-full-day';

export interface RunRate {
  basis: RunRateBasis;
  /** The complete days it was computed from. */
  days: string[];
  daily: number;
  /** daily × days in the month being forecast. */
  monthly: number;
}

export interface MonthForecast {
  /** 'YYYY-MM' */
  month: string;
  today: string;
  daysInMonth: number;
  /** Full days of the month before today (0 on the 1st). */
  fullDaysElapsed: number;
  /** Days left in the month, today included. */
  remainingDays: number;
  monthToDate: number;
  /** Today's partial cost so far, when there is a point for today. */
  todaySoFar?: number;
  /** Days of the month before today with no point: month to date is low by their cost. */
  missingDays: string[];
  /** Days of the month before today marked partial: counted as they are. */
  partialDays: string[];
  /** Absent when no complete day is available to take a rate from. */
  runRate?: RunRate;
  /** Absent without a run-rate. */
  forecast?: number;
  previousMonth: { month: string; total: number; missingDays: string[] };
  /** The forecast against the previous month's total; absent when that month has no data. */
  change?: CostChange;
}

function indexByDay(points: readonly DailyCost[]): Map<string, DailyCost> {
  const byDay = new Map<string, DailyCost>();
  for (const point of points) {
    dayParts(point.date);
    const existing = byDay.get(point.date);
    // Two points for one day (e.g. two clusters) add up; partial if either is.
    byDay.set(
      point.date,
      existing
        ? {
            date: point.date,
            amount: existing.amount + point.amount,
            partial: existing.partial || point.partial,
          }
        : point,
    );
  }
  return byDay;
}

function runRateOf(
  byDay: Map<string, DailyCost>,
  today: string,
  basis: RunRateBasis,
  monthDays: number,
): RunRate | undefined {
  const complete = daysBetween(addDays(today, -7), addDays(today, -1)).filter(
    day => byDay.has(day) && !byDay.get(day)!.partial,
  );
  if (complete.length === 0) return undefined;
  const days = basis === 'last-full-day' ? complete.slice(-1) : complete;
  const daily =
    days.reduce((sum, day) => sum + byDay.get(day)!.amount, 0) / days.length;
  return { basis, days, daily, monthly: daily * monthDays };
}

/** The month's figures as of `now`, from daily costs (gaps and partial days allowed). */
export function forecastMonth(
  points: readonly DailyCost[],
  now: Date | string,
  options: { runRateBasis?: RunRateBasis } = {},
): MonthForecast {
  const byDay = indexByDay(points);
  const today = utcDay(now);
  const { year, month, day } = dayParts(today);
  const monthDays = daysInMonth(year, month);
  const firstDay = `${monthOf(today)}-01`;
  const fullDays = day > 1 ? daysBetween(firstDay, addDays(today, -1)) : [];

  const monthToDate = fullDays.reduce(
    (sum, d) => sum + (byDay.get(d)?.amount ?? 0),
    0,
  );
  const remainingDays = monthDays - fullDays.length;
  const runRate = runRateOf(
    byDay,
    today,
    options.runRateBasis ?? 'last-7-days',
    monthDays,
  );
  const forecast = runRate
    ? monthToDate + runRate.daily * remainingDays
    : undefined;

  const lastOfPrevious = addDays(firstDay, -1);
  const previousDays = daysBetween(
    `${monthOf(lastOfPrevious)}-01`,
    lastOfPrevious,
  );
  const previousMonth = {
    month: monthOf(lastOfPrevious),
    total: previousDays.reduce(
      (sum, d) => sum + (byDay.get(d)?.amount ?? 0),
      0,
    ),
    missingDays: previousDays.filter(d => !byDay.has(d)),
  };

  return {
    month: monthOf(today),
    today,
    daysInMonth: monthDays,
    fullDaysElapsed: fullDays.length,
    remainingDays,
    monthToDate,
    todaySoFar: byDay.get(today)?.amount,
    missingDays: fullDays.filter(d => !byDay.has(d)),
    partialDays: fullDays.filter(d => byDay.get(d)?.partial),
    runRate,
    forecast,
    previousMonth,
    // No comparison against a month with no data at all: "+∞ %" would only mean "new here".
    change:
      forecast === undefined ||
      previousMonth.missingDays.length === previousDays.length
        ? undefined
        : compareCosts(forecast, previousMonth.total),
  };
}
