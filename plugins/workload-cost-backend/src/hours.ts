// Samples are kept per UTC hour, written '2026-11-23T10:00:00Z': fixed-width strings that sort and
// compare the same way in SQLite and PostgreSQL.
const HOUR_MS = 3_600_000;

/** The start of the UTC hour of an instant, `offset` hours later (or earlier when negative). */
export function hourOf(instant: Date, offset = 0): string {
  const start = Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS;
  return new Date(start + offset * HOUR_MS).toISOString().replace('.000Z', 'Z');
}

/** The hour after an hour. */
export function nextHour(hour: string): string {
  return hourOf(new Date(hour), 1);
}

/** The first hour of a UTC day, to filter samples from (inclusive) or to (exclusive). */
export function dayStart(day: string): string {
  return `${day}T00:00:00Z`;
}
