// Order statistics used by the metrics. Percentiles use the nearest-rank method: the value is
// always one that was observed, which is what people expect of "the p90 service took 3 days".

/** The median (mean of the two middle values for an even count), or undefined for no values. */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0 < p ≤ 100), nearest rank; undefined for no values. */
export function percentile(values: number[], p: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
