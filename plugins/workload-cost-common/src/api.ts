// What the workload-cost backend answers, shared with the frontend so both read the same shapes.
import { BudgetCheck } from './budget';
import { CostChange } from './change';
import { ClaimPrice } from './claimPricing';
import { DailyCost } from './forecast';

export interface CostParts {
  cpu: number;
  memory: number;
  storage: number;
  gpu: number;
  /** Crossplane claims at the offering's list price. */
  databases: number;
  /** What OpenCost counts beyond the above (network, load balancers, shared, external). */
  other: number;
  total: number;
}

/** A row of the Costs page: its parts and whether every hour of it was complete. */
export type CostRow = CostParts & { complete: boolean };

export interface Missing {
  reason: string;
  fix: string;
}

export interface DayCost extends DailyCost {
  partial: boolean;
  /** No pass at all that day: the amount is unknown, not 0. */
  missing: boolean;
  parts: CostParts;
}

export interface RunRateFigure {
  basis: 'last-7-days' | 'latest-hour';
  /** The complete days averaged, or the hour taken. */
  from: string[];
  daily: number;
  monthly: number;
}

export interface CostSummary {
  currency: string;
  month: string;
  monthToDate: number;
  todaySoFar?: number;
  runRate?: RunRateFigure;
  forecast?: number;
  previousMonth: { month: string; total: number; change?: CostChange };
  /** By resource over the last 30 days (today so far included). */
  breakdown: CostParts & { from: string; to: string };
  daily: DayCost[];
  /** Every collected day of the month so far and of the last 30 days is complete. */
  complete: boolean;
  /** Days of the last 30 without any pass (before the plugin ran, or the backend was down). */
  missingDays: string[];
  clusters: string[];
  errors: string[];
}

export interface WhatIsCounted {
  /** The hour of the latest pass the lists come from. */
  asOf?: string;
  workloads: {
    cluster: string;
    namespace: string;
    kind: string;
    name: string;
    method: string;
    hourlyCost: number;
  }[];
  volumes: {
    cluster: string;
    namespace: string;
    name: string;
    capacityGiB: number;
    hourlyCost: number;
  }[];
  claims: {
    cluster: string;
    namespace: string;
    kind: string;
    name: string;
    offering?: string;
    tier?: string;
    storageGB?: number;
    hourlyCost: number;
    lines: string[];
  }[];
  notCounted: {
    cluster: string;
    namespace: string;
    what: string;
    reason: string;
  }[];
  neverCounted: string;
}

export type EntityCost =
  | { entityRef: string; currency: string; missing: Missing }
  | (CostSummary & {
      entityRef: string;
      method: string;
      source: string;
      whatIsCounted: WhatIsCounted;
    });

export interface GroupBudget extends Partial<BudgetCheck> {
  source: string;
  /** Set when the forecast (or the month so far) passes the budget. */
  warning?: string;
  /** Set when the annotation cannot be read. */
  error?: string;
}

export type GroupCost = {
  entityRef: string;
  currency: string;
  owners: string[];
  budget?: GroupBudget;
} & (
  | { missing: Missing }
  | (CostSummary & {
      method: string;
      source: string;
      services: (CostParts & { entityRef: string; complete: boolean })[];
    })
);

export interface TeamCosts {
  month: string;
  currency: string;
  /** The month's hours counted: [from, to) in UTC; to is now for the running month. */
  from: string;
  to: string;
  teams: (CostRow & { owner: string | null; services: number })[];
  unallocated: CostRow & { namespaces: (CostRow & { namespace: string })[] };
  idle: CostRow & { clusters: (CostRow & { cluster: string })[] };
  total: number;
  /** Every cluster's pass of every hour so far completed. */
  complete: boolean;
  errors: string[];
}

export interface ClaimPriceResponse extends ClaimPrice {
  offering: string;
  options: Record<string, boolean>;
}
