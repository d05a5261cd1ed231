// The workload-cost backend's answers: the shapes live in workload-cost-common, shared with the
// backend that produces them.
export type {
  ClaimPriceResponse as ClaimPriceAnswer,
  CostParts,
  CostSummary,
  DayCost,
  EntityCost,
  GroupBudget,
  GroupCost,
  Missing,
  TeamCosts,
  WhatIsCounted,
} from '@internal/plugin-workload-cost-common';
