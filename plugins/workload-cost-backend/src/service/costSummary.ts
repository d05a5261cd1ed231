// The figures every view shows, from daily costs: month to date, run-rate, forecast and the change
// against the previous month (the common's forecastMonth), the breakdown by resource and the last
// 30 days. Early on, before any complete day, the run-rate is taken from the latest hour and says
// so, rather than showing nothing for a day.
import {
  addDays,
  daysFrom,
  dayParts,
  daysInMonth,
  forecastMonth,
  monthOf,
  utcDay,
} from '@internal/plugin-workload-cost-common';
import { dayStart, nextHour } from '../hours';
import { CostStore } from '../store/CostStore';
import { SampleFilter } from '../store/SampleQueries';
import { addParts, ZERO_PARTS } from '../store/types';
import { dailyCosts } from './dailyCosts';
import type {
  RunRateFigure,
  CostSummary,
} from '@internal/plugin-workload-cost-common';

export type { RunRateFigure, CostSummary };

export async function costSummary(
  store: CostStore,
  filter: Omit<SampleFilter, 'from' | 'to'>,
  now: Date,
): Promise<CostSummary> {
  const today = utcDay(now);
  const { year, month } = dayParts(today);
  const previousMonthStart = `${monthOf(
    addDays(`${monthOf(today)}-01`, -1),
  )}-01`;
  const last30 = addDays(today, -29);
  const from = last30 < previousMonthStart ? last30 : previousMonthStart;
  const costs = await dailyCosts(store, filter, { from, to: today }, today);
  const points = costs.days.filter(d => !d.missing);
  const forecast = forecastMonth(points, now);
  let runRate: RunRateFigure | undefined = forecast.runRate && {
    basis: 'last-7-days',
    from: forecast.runRate.days,
    daily: forecast.runRate.daily,
    monthly: forecast.runRate.monthly,
  };
  if (!runRate) {
    const hour = await store.samples.latestHour({
      ...filter,
      from: dayStart(from),
      to: dayStart(addDays(today, 1)),
    });
    if (hour) {
      const [total] = await store.samples.totals('hour', {
        ...filter,
        from: hour,
        to: nextHour(hour),
      });
      const daily = (total?.total ?? 0) * 24;
      runRate = {
        basis: 'latest-hour',
        from: [hour],
        daily,
        monthly: daily * daysInMonth(year, month),
      };
    }
  }
  const recent = costs.days.filter(d => daysFrom(last30, d.date) >= 0);
  const monthDays = costs.days.filter(d => d.date.startsWith(monthOf(today)));
  return {
    currency: filter.currency,
    month: forecast.month,
    monthToDate: forecast.monthToDate,
    todaySoFar: forecast.todaySoFar,
    runRate,
    forecast:
      forecast.forecast ??
      (runRate
        ? forecast.monthToDate + runRate.daily * forecast.remainingDays
        : undefined),
    previousMonth: { ...forecast.previousMonth, change: forecast.change },
    breakdown: {
      ...recent.reduce((sum, d) => addParts(sum, d.parts), ZERO_PARTS),
      from: last30,
      to: today,
    },
    daily: recent,
    complete: [...recent, ...monthDays].every(
      d => d.date === today || d.missing || !d.partial,
    ),
    missingDays: recent.filter(d => d.missing).map(d => d.date),
    clusters: costs.clusters,
    errors: costs.errors,
  };
}
