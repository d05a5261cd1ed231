// Time is stored in UTC and bucketed in the viewer's time zone (a deploy at 23:30 UTC is on the
// next day in Seoul): every bucketing function takes the zone explicitly.

/** The calendar day (YYYY-MM-DD) of an instant in a time zone, e.g. 'Europe/Berlin'. */
export function localDay(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find(p => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The Monday (YYYY-MM-DD) of the ISO week a local day belongs to. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday);
  return date.toISOString().slice(0, 10);
}

/** Minutes a time zone is ahead of UTC at an instant (Berlin in winter: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find(p => p.type === type)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant (UTC ISO) a local day (YYYY-MM-DD) starts in a time zone: where a custom range
 * chosen in the viewer's zone begins. Checked twice, so a day starting next to a DST change is right.
 */
export function startOfLocalDay(day: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let instant = midnightUtc - offsetMinutes(midnightUtc, timeZone) * 60_000;
  instant = midnightUtc - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The first and last day of a quarter written `2026-Q4`. */
export function quarterDays(quarter: string): { first: string; last: string } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match)
    throw new Error(`"${quarter}" is not a quarter; write e.g. 2026-Q4`);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3;
  const first = new Date(Date.UTC(year, firstMonth, 1));
  const last = new Date(Date.UTC(year, firstMonth + 3, 0));
  return {
    first: first.toISOString().slice(0, 10),
    last: last.toISOString().slice(0, 10),
  };
}

/** The quarter (`2026-Q4`) a local day belongs to. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${
    Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1
  }`;
}
