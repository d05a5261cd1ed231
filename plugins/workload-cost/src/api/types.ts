// The workload-cost backend's answers (see plugins/workload-cost-backend/README.md).
export interface CostParts {
  cpu: number;
  memory: number;
  storage: number;
  gpu: number;
  databases: number;
  other: number;
  total: number;
}

export interface Missing {
  reason: string;
  fix: string;
}

export interface DayCost {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  amount: number;
  partial: boolean;
  missing: boolean;
  parts: CostParts;
}

export interface CostSummary {
  currency: string;
  month: string;
  monthToDate: number;
  todaySoFar?: number;
  runRate?: {
    basis: 'last-7-days' | 'latest-hour';
    from: string[];
    daily: number;
    monthly: number;
  };
  forecast?: number;
  previousMonth: {
    month: string;
    total: number;
    change?: { amount: number; ratio?: number; status: string };
  };
  breakdown: CostParts & { from: string; to: string };
  daily: DayCost[];
  complete: boolean;
  missingDays: string[];
  clusters: string[];
  errors: string[];
}

export interface WhatIsCounted {
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

export interface GroupBudget {
  source: string;
  status?: 'over' | 'within' | 'unknown';
  budget?: number;
  forecast?: number;
  overBy?: number;
  warning?: string;
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

type Row = CostParts & { complete: boolean };

export interface TeamCosts {
  month: string;
  currency: string;
  from: string;
  to: string;
  teams: (Row & { owner: string | null; services: number })[];
  unallocated: Row & { namespaces: (Row & { namespace: string })[] };
  idle: Row & { clusters: (Row & { cluster: string })[] };
  total: number;
  complete: boolean;
  errors: string[];
}

export interface ClaimPriceAnswer {
  currency: string;
  hours: number;
  tier: string;
  storageGB: number;
  instance: number;
  storage: number;
  total: number;
  lines: string[];
}
