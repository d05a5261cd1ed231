// The rows the plugin keeps. Amounts are for one UTC hour, in the sample's currency, at full
// precision (rounding is for display).
import type { CostParts } from '@internal/plugin-workload-cost-common';

export type { CostParts };

/** A component's cost, what matched no component (per namespace), or OpenCost's idle. */
export type SampleKind = 'component' | 'unallocated' | 'idle';

export interface CostSample extends CostParts {
  /** Start of the UTC hour, e.g. '2026-11-23T10:00:00Z'. */
  hour: string;
  cluster: string;
  namespace: string;
  /** Component entity ref; undefined when unallocated or idle. */
  component?: string;
  /** The component's owner when the sample was taken. */
  owner?: string;
  kind: SampleKind;
  currency: string;
  /** 'requests', 'max(request, usage)', 'mixed', 'OpenCost', ... */
  method: string;
  /** False when the cluster's pass failed part-way: the amount is a lower bound. */
  complete: boolean;
}

/** One cluster's pass for one hour. */
export interface ClusterPass {
  hour: string;
  cluster: string;
  method: string;
  complete: boolean;
  error?: string;
  /** What the reader should know, e.g. that usage data was not available. */
  note?: string;
  attemptedAt: string;
}

export interface CountedWorkload {
  kind: string;
  name: string;
  method: string;
  cost: number;
}

export interface CountedVolume {
  name: string;
  capacityGiB: number;
  cost: number;
}

export interface CountedClaim {
  kind: string;
  name: string;
  offering?: string;
  tier?: string;
  storageGB?: number;
  cost: number;
  lines: string[];
}

export interface NotCountedItem {
  what: string;
  reason: string;
}

/** What the latest pass counted for a component (or the unallocated rest) in a namespace. */
export interface CountedDetails {
  cluster: string;
  namespace: string;
  component?: string;
  hour: string;
  complete: boolean;
  workloads: CountedWorkload[];
  volumes: CountedVolume[];
  claims: CountedClaim[];
  notCounted: NotCountedItem[];
}

/** Sums over a period, grouped by a key (a day, a component, an owner, ...). */
export interface CostTotals extends CostParts {
  key: string;
  kind: SampleKind;
  /** Distinct hours with samples. */
  hours: number;
  /** Samples of a failed pass among them. */
  incompleteSamples: number;
}

export const COST_PARTS: (keyof CostParts)[] = [
  'cpu',
  'memory',
  'storage',
  'gpu',
  'databases',
  'other',
  'total',
];

export const ZERO_PARTS: CostParts = {
  cpu: 0,
  memory: 0,
  storage: 0,
  gpu: 0,
  databases: 0,
  other: 0,
  total: 0,
};

export function addParts(a: CostParts, b: CostParts): CostParts {
  const sum = { ...a };
  for (const part of COST_PARTS) sum[part] += b[part];
  return sum;
}
