// The seed's notion of "now". It is fixed, not the wall clock, so that two runs (and the tests that
// compare them) write identical timestamps. Set PAVED_SEED_NOW (ISO 8601) to move the demo in time.

const DEFAULT_NOW = '2026-11-23T12:00:00Z';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function seedNow(env = process.env) {
  const text = env.PAVED_SEED_NOW || DEFAULT_NOW;
  const now = new Date(text);
  if (Number.isNaN(now.getTime()))
    throw new Error(
      `PAVED_SEED_NOW=${text} is not a date (use ISO 8601, e.g. ${DEFAULT_NOW})`,
    );
  return now;
}

/** Midnight (UTC) of every Monday to Friday from `from` up to `to`, oldest first. */
export function workingDays(from, to) {
  const days = [];
  const day = new Date(
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()),
  );
  for (; day <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(day));
  }
  return days;
}

/** Kubernetes timestamps have whole seconds. */
export function iso(time) {
  return new Date(Math.floor(time / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}
