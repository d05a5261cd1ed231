// Cost is billed by UTC day (OpenCost's and the cloud providers' daily buckets), so days here are
// 'YYYY-MM-DD' strings in UTC, with no time zone to get wrong.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day of an instant: '2026-09-11' for 2026-09-11T23:30:00Z. */
export function utcDay(instant: Date | string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `Cannot read ${JSON.stringify(
        instant,
      )} as a time: write an ISO 8601 instant`,
    );
  }
  return date.toISOString().slice(0, 10);
}

/** Year, month (1-12) and day of a 'YYYY-MM-DD' day; throws on anything else. */
export function dayParts(day: string): {
  year: number;
  month: number;
  day: number;
} {
  const match = DAY.exec(day);
  const parsed = match && new Date(`${day}T00:00:00Z`);
  if (!match || !parsed || parsed.toISOString().slice(0, 10) !== day) {
    throw new Error(
      `Cannot read ${JSON.stringify(
        day,
      )} as a day: write YYYY-MM-DD (UTC), e.g. 2026-09-01`,
    );
  }
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
  };
}

/** The day n days after (or before, n < 0) a day. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Days in a month (1-12): 28, 29 (leap February), 30 or 31. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every day from start to end, both included. */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}
