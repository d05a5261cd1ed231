// The local days (in the viewer's time zone) a usage request covers: the last N days including
// today, a quarter, or from/to; days after today are left out.
import { InputError } from '@backstage/errors';
import { DAY_MS, localDay } from '@internal/plugin-adoption-metrics-common';
import { daysOfQuarter } from '../survey/quarter';

export interface DaysRequest {
  days?: number;
  quarter?: string;
  from?: string;
  to?: string;
  timeZone: string;
  now?: Date;
}

const MAX_DAYS = 366;

/** The calendar days from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const count =
    Math.round((Date.parse(`${last}T00:00:00Z`) - start) / DAY_MS) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) =>
    new Date(start + i * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The n calendar days up to and including `last`, oldest first. */
export function daysUpTo(last: string, n: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return daysBetween(
    new Date(end - (n - 1) * DAY_MS).toISOString().slice(0, 10),
    last,
  );
}

export function localDays(request: DaysRequest): string[] {
  const today = localDay(request.now ?? new Date(), request.timeZone);
  let first: string;
  let last: string;
  let label: string;
  if (request.quarter) {
    ({ first, last } = daysOfQuarter(request.quarter));
    label = request.quarter;
  } else if (request.from || request.to) {
    if (!request.from || !request.to) {
      throw new InputError(
        'from and to go together: give both, e.g. from=2026-09-01&to=2026-09-30',
      );
    }
    [first, last] = [request.from, request.to];
    label = `${first} – ${last}`;
  } else {
    return daysUpTo(today, request.days ?? 28);
  }
  const days = daysBetween(first, last < today ? last : today);
  if (days.length === 0) {
    throw new InputError(
      `${rangeField(
        request,
      )}: the range ${label} has no day in it up to today; pick a start before the end and before today`,
    );
  }
  if (days.length > MAX_DAYS) {
    throw new InputError(
      `${rangeField(request)}: the range ${label} is ${
        days.length
      } days; pick at most ${MAX_DAYS}`,
    );
  }
  return days;
}

/** The parameter(s) a range error is about, so the message names what to change. */
function rangeField(request: { quarter?: string; from?: string; to?: string }) {
  if (request.quarter) return 'quarter';
  return request.from || request.to ? 'from, to' : 'days';
}
