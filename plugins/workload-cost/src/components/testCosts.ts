// Answers of the workload-cost backend for the card and page tests, with amounts chosen by hand.
import { CostSummary, EntityCost, TeamCosts } from '../api/types';

const parts = (
  cpu: number,
  memory: number,
  storage: number,
  databases: number,
) => ({
  cpu,
  memory,
  storage,
  gpu: 0,
  databases,
  other: 0,
  total: cpu + memory + storage + databases,
});

export const summary: CostSummary = {
  currency: 'USD',
  month: '2026-11',
  monthToDate: 61.5,
  runRate: { basis: 'last-7-days', from: [], daily: 2.8, monthly: 84 },
  forecast: 81.1,
  previousMonth: {
    month: '2026-10',
    total: 70,
    change: { amount: 11.1, ratio: 0.16, status: 'increase' },
  },
  breakdown: { ...parts(40, 12, 1, 30), from: '2026-10-25', to: '2026-11-23' },
  daily: [
    {
      date: '2026-11-22',
      amount: 2.8,
      partial: false,
      missing: false,
      parts: parts(1.3, 0.4, 0.1, 1),
    },
  ],
  complete: true,
  missingDays: [],
  clusters: ['paved-local'],
  errors: [],
};

export const entityCost: EntityCost = {
  ...summary,
  entityRef: 'component:default/orders-service',
  method: 'estimate from requests at list price',
  source: 'Kubernetes API of paved-local',
  whatIsCounted: {
    workloads: [
      {
        cluster: 'paved-local',
        namespace: 'orders-service-production',
        kind: 'Deployment',
        name: 'orders-service',
        method: 'requests',
        hourlyCost: 0.040085,
      },
    ],
    volumes: [],
    claims: [
      {
        cluster: 'paved-local',
        namespace: 'orders-service-production',
        kind: 'PostgreSQLInstance',
        name: 'orders-service-db',
        hourlyCost: 0.0783,
        lines: ['db.t3.medium (standard): 730 h × 0.072 USD'],
      },
    ],
    notCounted: [
      {
        cluster: 'paved-local',
        namespace: 'orders-service-production',
        what: 'container istio-proxy',
        reason: 'no CPU or memory request',
      },
    ],
    neverCounted: 'idle node capacity (shown apart), network',
  },
};

export const teamCosts: TeamCosts = {
  month: '2026-11',
  currency: 'USD',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-23T10:00:00.000Z',
  teams: [
    {
      ...parts(100, 30, 2, 60),
      complete: true,
      owner: 'group:default/checkout',
      services: 4,
    },
    {
      ...parts(50, 10, 1, 0),
      complete: true,
      owner: 'group:default/payments',
      services: 3,
    },
  ],
  unallocated: { ...parts(5, 1, 0, 0), complete: true, namespaces: [] },
  idle: { ...parts(20, 5, 0, 0), complete: true, clusters: [] },
  total: 284,
  complete: true,
  errors: [],
};
