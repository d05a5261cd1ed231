// Time is stored in UTC and bucketed in the viewer's time zone (a deploy at 23:30 UTC is on the
// next day in Seoul): every bucketing function takes the zone explicitly.

// A dashboard buckets tens of thousands of instants per request, and Intl is slow per call. Every
// zone's offset is a whole number of quarter hours and changes only on a quarter-hour boundary, so
// the offset is looked up once per zone and UTC quarter hour and then plain arithmetic is used.
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_OFFSETS = 500_000;

function cachedOffsetMinutes(instant: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    if (offsets.size > 100) offsets.clear();
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(instant / QUARTER_HOUR_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size > MAX_CACHED_OFFSETS) zone.clear();
    offset = offsetMinutes(bucket * QUARTER_HOUR_MS, timeZone);
    zone.set(bucket, offset);
  }
  return offset;
}

const dayNames = new Map<number, string>();

/** The calendar day (YYYY-MM-DD) of an instant (ISO text, Date or epoch ms) in a time zone. */
export function localDay(
  instant: string | Date | number,
  timeZone: string,
): string {
  let t: number;
  if (typeof instant === 'number') t = instant;
  else if (typeof instant === 'string') t = Date.parse(instant);
  else t = instant.getTime();
  if (Number.isNaN(t)) throw new Error(`"${String(instant)}" is not a time`);
  const dayIndex = Math.floor(
    (t + cachedOffsetMinutes(t, timeZone) * 60_000) / 86_400_000,
  );
  let name = dayNames.get(dayIndex);
  if (!name) {
    name = new Date(dayIndex * 86_400_000).toISOString().slice(0, 10);
    if (dayNames.size > 100_000) dayNames.clear();
    dayNames.set(dayIndex, name);
  }
  return name;
}

const weeks = new Map<string, string>();

/** The Monday (YYYY-MM-DD) of the ISO week a local day belongs to. */
export function weekOf(day: string): string {
  const known = weeks.get(day);
  if (known) return known;
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday);
  const week = date.toISOString().slice(0, 10);
  if (weeks.size > 100_000) weeks.clear();
  weeks.set(day, week);
  return week;
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
