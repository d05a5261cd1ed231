// Change against the previous period, with Spotify Cost Insights' thresholds so teams that know
// that plugin read the same colours: a ratio of +5 % or more is an increase, -5 % or less a
// decrease, anything strictly between is negligible (its growthOf compares with >= and <=).

/** Cost Insights' ChangeThreshold: |ratio| below this is negligible. */
export const NEGLIGIBLE_CHANGE_RATIO = 0.05;

export type ChangeStatus = 'increase' | 'decrease' | 'negligible';

/** Cost Insights' ChangeStatistic plus the status it would show. */
export interface CostChange {
  /** current − previous. */
  amount: number;
  /** (current − previous) / previous; absent when previous is 0 (no ratio to show). */
  ratio?: number;
  status: ChangeStatus;
}

/** An increase at +threshold or more, a decrease at -threshold or less (Cost Insights' >= and <=). */
function statusOf(change: number, threshold: number): ChangeStatus {
  if (change > 0 && change >= threshold) return 'increase';
  if (change < 0 && change <= -threshold) return 'decrease';
  return 'negligible';
}

/** How current compares with previous. Without a ratio (previous 0), any rise is an increase. */
export function compareCosts(current: number, previous: number): CostChange {
  const amount = current - previous;
  if (previous === 0) {
    return { amount, status: statusOf(amount, 0) };
  }
  const ratio = amount / previous;
  return { amount, ratio, status: statusOf(ratio, NEGLIGIBLE_CHANGE_RATIO) };
}
