// Survey quarters are calendar quarters in UTC (2026-Q4 = October to December 2026): everyone is
// asked in the same quarter wherever they are, at the cost of a few hours' difference at the turn.
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** The first and last day (YYYY-MM-DD) of a quarter such as 2026-Q4. */
export function daysOfQuarter(quarter: string): {
  first: string;
  last: string;
} {
  const year = Number(quarter.slice(0, 4));
  const firstMonth = (Number(quarter.slice(6)) - 1) * 3;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    first: day(Date.UTC(year, firstMonth, 1)),
    last: day(Date.UTC(year, firstMonth + 3, 0)),
  };
}
