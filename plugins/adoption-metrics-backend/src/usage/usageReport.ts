// Portal use over local days in the viewer's time zone (today, when included, is partial): daily
// active people, WAU and MAU (distinct people in the last 7 and 28 days of the window), each
// against the eligible population, and the plugins used most.
import {
  DAY_MS,
  dailyActiveUsers,
  localDay,
  rate,
} from '@internal/plugin-adoption-metrics-common';
import { PeopleDirectory } from '../people/PeopleDirectory';
import { DaysRequest, daysUpTo, localDays } from './localDays';
import { UsageStore } from './UsageStore';

export interface UsageRequest extends DaysRequest {
  owner?: string;
}

export const USAGE_SOURCE =
  'portal events through the Analytics API (people as salted pseudonyms, per hour)';

const midnightUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);

export async function usageReport(
  deps: { store: UsageStore; directory: PeopleDirectory },
  request: UsageRequest,
) {
  const { timeZone, owner } = request;
  const windowDays = localDays(request);
  const first = windowDays[0];
  const last = windowDays[windowDays.length - 1];
  const span = daysUpTo(last, Math.max(windowDays.length, 28));
  // A day either side covers every zone's offset; hours on other local days are dropped below.
  const from = new Date(midnightUtc(span[0]) - DAY_MS).toISOString();
  const to = new Date(midnightUtc(last) + 2 * DAY_MS).toISOString();

  const dayOfHour = new Map<string, string>();
  const local = (at: string) => {
    if (!dayOfHour.has(at)) dayOfHour.set(at, localDay(at, timeZone));
    return dayOfHour.get(at)!;
  };
  const activity = await deps.store.activity({ from, to, team: owner });
  const eligible = await deps.directory.eligible(owner);
  const firstSeen = await deps.store.firstSeen({ from, to });

  const distinctIn = (days: string[]) => {
    const wanted = new Set(days);
    return new Set(
      activity.filter(e => wanted.has(local(e.at))).map(e => e.person),
    ).size;
  };
  const inWindow = new Set(windowDays);
  const active = new Map(
    dailyActiveUsers(
      activity.filter(e => inWindow.has(local(e.at))),
      { timeZone, eligible: eligible.people },
    ).map(d => [d.day, d.active]),
  );
  // "New" is the local day of a person's first hour ever, not their first in this window.
  const newByDay = new Map<string, number>();
  const people = new Set(activity.map(e => e.person));
  for (const [person, firstHour] of firstSeen) {
    if (!people.has(person)) continue;
    const day = local(firstHour);
    newByDay.set(day, (newByDay.get(day) ?? 0) + 1);
  }
  const daily = windowDays.map(day => ({
    day,
    active: active.get(day) ?? rate(0, eligible.people),
    newPeople: newByDay.get(day) ?? 0,
  }));
  const activeDays = daily.reduce((sum, d) => sum + d.active.numerator, 0);

  return {
    window: { from: first, to: last, timeZone },
    eligible,
    averageDau: rate(
      Math.round((activeDays / daily.length) * 10) / 10,
      eligible.people,
    ),
    wau: rate(distinctIn(daysUpTo(last, 7)), eligible.people),
    mau: rate(distinctIn(daysUpTo(last, 28)), eligible.people),
    daily,
    // Counted per UTC day: close to, not exactly, the local days above.
    topPlugins: await deps.store.topPlugins({
      fromDay: first,
      toDay: last,
      team: owner,
      limit: 10,
    }),
    source: USAGE_SOURCE,
  };
}
