// DORA performance bands as a versioned, replaceable table (DORA 2023 values, as open
// implementations encode them). The platform team can configure another table; the version is
// shown next to every band so a number is never compared against the wrong yardstick.

export type Band = 'elite' | 'high' | 'medium' | 'low';

export type DoraMetric =
  | 'deploymentFrequency'
  | 'leadTimeHours'
  | 'timeToRestoreHours'
  | 'changeFailureRate';

export interface BandThresholds {
  /** Whether lower values are better (lead time) or higher ones (deployment frequency). */
  better: 'lower' | 'higher';
  /** Whether a value equal to a threshold is inside the better band. */
  inclusive: boolean;
  /** The limits of elite, high and medium; anything past medium is low. */
  elite: number;
  high: number;
  medium: number;
}

export interface BandTable {
  version: string;
  metrics: Record<DoraMetric, BandThresholds>;
}

export const DORA_2023_BANDS: BandTable = {
  version: 'dora-2023',
  metrics: {
    // Median number of days per week with at least one successful production deploy.
    deploymentFrequency: {
      better: 'higher',
      inclusive: true,
      elite: 7,
      high: 1,
      medium: 12 / 52, // once a month
    },
    leadTimeHours: {
      better: 'lower',
      inclusive: false,
      elite: 24,
      high: 24 * 7,
      medium: 24 * 30,
    },
    timeToRestoreHours: {
      better: 'lower',
      inclusive: false,
      elite: 1,
      high: 24,
      medium: 24 * 7,
    },
    changeFailureRate: {
      better: 'lower',
      inclusive: true,
      elite: 0.05,
      high: 0.1,
      medium: 0.15,
    },
  },
};

/** The band of a value, or undefined when there is no value to band. */
export function bandFor(
  table: BandTable,
  metric: DoraMetric,
  value: number | undefined,
): Band | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  const t = table.metrics[metric];
  const within = (limit: number) => {
    if (t.better === 'lower')
      return t.inclusive ? value <= limit : value < limit;
    return t.inclusive ? value >= limit : value > limit;
  };
  if (within(t.elite)) return 'elite';
  if (within(t.high)) return 'high';
  if (within(t.medium)) return 'medium';
  return 'low';
}
