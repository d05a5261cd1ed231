// The period a request asks about: the last N days, a quarter, or a custom range of local days in
// the viewer's time zone; and the period of the same length before it, for "change against the
// previous period".
import { InputError } from '@backstage/errors';
import {
  DAY_MS,
  nextDay,
  quarterDays,
  startOfLocalDay,
} from '@internal/plugin-adoption-metrics-common';

export interface RangeRequest {
  days?: number;
  /** First local day, YYYY-MM-DD (with `to`). */
  from?: string;
  /** Last local day, YYYY-MM-DD, included. */
  to?: string;
  /** `2026-Q4`. */
  quarter?: string;
  timeZone: string;
  now?: Date;
}

export interface Window {
  from: string;
  to: string;
  previousFrom: string;
  timeZone: string;
  days: number;
  label: string;
}

const MAX_DAYS = 366;

export function resolveWindow(request: RangeRequest): Window {
  const now = request.now ?? new Date();
  const { timeZone } = request;
  let from: number;
  let to: number;
  let label: string;
  if (request.quarter) {
    const { first, last } = quarterDays(request.quarter);
    from = Date.parse(startOfLocalDay(first, timeZone));
    to = Math.min(
      now.getTime(),
      Date.parse(startOfLocalDay(nextDay(last), timeZone)),
    );
    label = request.quarter;
  } else if (request.from || request.to) {
    if (!request.from || !request.to) {
      throw new InputError(
        'from and to go together: give both, e.g. from=2026-09-01&to=2026-09-30',
      );
    }
    from = Date.parse(startOfLocalDay(request.from, timeZone));
    to = Math.min(
      now.getTime(),
      Date.parse(startOfLocalDay(nextDay(request.to), timeZone)),
    );
    label = `${request.from} – ${request.to}`;
  } else {
    const days = request.days ?? 28;
    to = now.getTime();
    from = to - days * DAY_MS;
    label = `last ${days} days`;
  }
  if (!(from < to)) {
    throw new InputError(
      `${rangeField(
        request,
      )}: the range ${label} has no time in it before now; pick a start before the end and before today`,
    );
  }
  const days = (to - from) / DAY_MS;
  if (days > MAX_DAYS) {
    throw new InputError(
      `${rangeField(request)}: the range ${label} is ${Math.round(
        days,
      )} days; pick at most ${MAX_DAYS}`,
    );
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    previousFrom: new Date(from - (to - from)).toISOString(),
    timeZone,
    days,
    label,
  };
}

/** The parameter(s) a range error is about, so the message names what to change. */
function rangeField(request: { quarter?: string; from?: string; to?: string }) {
  if (request.quarter) return 'quarter';
  return request.from || request.to ? 'from, to' : 'days';
}
