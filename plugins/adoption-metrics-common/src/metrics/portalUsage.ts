// Portal use: distinct people per calendar day in the viewer's time zone, against the people who
// could use it (the catalog's Users, or a configured number).
import { Rate, rate } from '../rate';
import { localDay } from '../time';

export interface UsageEvent {
  /** A salted pseudonym of the person, never the identity. */
  person: string;
  at: string;
}

export function dailyActiveUsers(
  events: UsageEvent[],
  options: { timeZone: string; eligible: number },
): { day: string; active: Rate; newPeople: number }[] {
  const byDay = new Map<string, Set<string>>();
  for (const e of events) {
    const day = localDay(e.at, options.timeZone);
    if (!byDay.has(day)) byDay.set(day, new Set());
    byDay.get(day)!.add(e.person);
  }
  const seen = new Set<string>();
  return [...byDay.keys()].sort().map(day => {
    const people = byDay.get(day)!;
    const newPeople = [...people].filter(p => !seen.has(p)).length;
    people.forEach(p => seen.add(p));
    return { day, active: rate(people.size, options.eligible), newPeople };
  });
}
