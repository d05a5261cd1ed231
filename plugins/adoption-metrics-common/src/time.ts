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
