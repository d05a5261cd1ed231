// Cost is billed by UTC day (OpenCost's and the cloud providers' daily buckets), so days here are
// 'YYYY-MM-DD' strings in UTC, with no time zone to get wrong. Arithmetic is done on day numbers
// (days since 1970-01-01), never on the strings: a string loop ends only while every year has four
// digits, and a caller's input must not decide that.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The longest span of days any cost query covers (a year, leap day included). */
export const MAX_SPAN_DAYS = 366;

/** The days Paved reads and writes: from the epoch to the last day a 4-digit year has. */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '9999-12-31';
const LAST_DAY_NUMBER = Date.UTC(9999, 11, 31) / DAY_MS;

const dayError = (day: unknown) =>
  new Error(
    `Cannot read ${JSON.stringify(
      day,
    )} as a day: write YYYY-MM-DD (UTC) from ${FIRST_DAY} to ${LAST_DAY}, e.g. 2026-09-01`,
  );

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

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day; throws on a day that does not exist. */
export function dayNumber(day: string): number {
  const match = DAY.exec(day);
  if (!match) throw dayError(day);
  const [year, month, date] = match.slice(1).map(Number);
  const number = Date.UTC(year, month - 1, date) / DAY_MS;
  // Date.UTC rolls 2026-02-30 over to March: a day that does not round-trip does not exist.
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    date < 1 ||
    date > daysInMonth(year, month)
  ) {
    throw dayError(day);
  }
  return number;
}

/** The day of a day number; throws outside FIRST_DAY..LAST_DAY. */
export function dayOfNumber(number: number): string {
  if (!Number.isInteger(number) || number < 0 || number > LAST_DAY_NUMBER) {
    throw new Error(
      `A day ${number} days after ${FIRST_DAY} is outside ${FIRST_DAY}..${LAST_DAY}`,
    );
  }
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1-12) and day of a 'YYYY-MM-DD' day; throws on anything else. */
export function dayParts(day: string): {
  year: number;
  month: number;
  day: number;
} {
  dayNumber(day);
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, day: date };
}

/** The day n days after (or before, n < 0) a day. */
export function addDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** Days from one day to another: 1 from 2026-01-01 to 2026-01-02, negative backwards. */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
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

/** The day `months` before a day, clamped to the end of a shorter month (31 March − 1 month is 28 or 29 February). */
export function monthsBefore(day: string, months: number): string {
  const { year, month, day: dayOfMonth } = dayParts(day);
  const total = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const clamped = Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth));
  if (targetYear < 1970) throw dayError(`${targetYear}-${targetMonth}`);
  return dayOfNumber(Date.UTC(targetYear, targetMonth - 1, clamped) / DAY_MS);
}

/** Every day from start to end, both included; at most MAX_SPAN_DAYS of them. */
export function daysBetween(start: string, end: string): string[] {
  const first = dayNumber(start);
  const last = dayNumber(end);
  if (last - first + 1 > MAX_SPAN_DAYS) {
    throw new RangeError(
      `${start} to ${end} is more than ${MAX_SPAN_DAYS} days: ask for a year or less`,
    );
  }
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(dayOfNumber(n));
  return days;
}
