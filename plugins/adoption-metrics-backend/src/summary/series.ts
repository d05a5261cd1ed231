// Counts over time for the charts, bucketed in the viewer's time zone: by day for ranges up to
// a month, by ISO week (starting Monday) beyond.
import {
  localDay,
  nextDay,
  weekOf,
} from '@internal/plugin-adoption-metrics-common';
import { Window } from './window';

export type Bucketing = 'day' | 'week';

export function bucketingFor(window: Window): Bucketing {
  return window.days <= 31 ? 'day' : 'week';
}

export function bucketOf(
  instant: string,
  window: Window,
  bucketing: Bucketing,
) {
  const day = localDay(instant, window.timeZone);
  return bucketing === 'day' ? day : weekOf(day);
}

/** Every bucket of the window, oldest first, so a chart shows empty days as zero. */
export function bucketsOf(window: Window, bucketing: Bucketing): string[] {
  const last = localDay(new Date(Date.parse(window.to) - 1), window.timeZone);
  const buckets: string[] = [];
  for (
    let day = localDay(window.from, window.timeZone);
    day <= last;
    day = nextDay(day)
  ) {
    const bucket = bucketing === 'day' ? day : weekOf(day);
    if (buckets[buckets.length - 1] !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/** One row per bucket with a count per series; instants outside the window are left out. */
export function countSeries(
  window: Window,
  series: Record<string, string[]>,
): { bucketing: Bucketing; points: Record<string, number | string>[] } {
  const bucketing = bucketingFor(window);
  const points = new Map(
    bucketsOf(window, bucketing).map(bucket => [
      bucket,
      Object.fromEntries([
        ['bucket', bucket],
        ...Object.keys(series).map(name => [name, 0]),
      ]) as Record<string, number | string>,
    ]),
  );
  for (const [name, instants] of Object.entries(series)) {
    for (const instant of instants) {
      if (instant < window.from || instant >= window.to) continue;
      const point = points.get(bucketOf(instant, window, bucketing));
      if (point) point[name] = (point[name] as number) + 1;
    }
  }
  return { bucketing, points: [...points.values()] };
}
