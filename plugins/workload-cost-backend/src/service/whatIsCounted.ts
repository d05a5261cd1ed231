// What the latest passes counted for a service, in every cluster and namespace: engineers read a
// cost card as "all of my service's cost", so the card lists what is in it and what is not.
import { CostStore } from '../store/CostStore';
import type { WhatIsCounted } from '@internal/plugin-workload-cost-common';

export type { WhatIsCounted };

/** What is never in the figures, so that nobody reads the card as "all of the service's cost". */
export const NEVER_COUNTED =
  'idle node capacity (shown apart), network, load balancers, ephemeral storage, and anything outside the clusters and the priced claims';

export async function whatIsCounted(
  store: CostStore,
  ref: string,
): Promise<WhatIsCounted> {
  const rows = await store.counted(ref);
  const where = (r: { cluster: string; namespace: string }) => ({
    cluster: r.cluster,
    namespace: r.namespace,
  });
  return {
    asOf: rows
      .map(r => r.hour)
      .sort()
      .pop(),
    workloads: rows.flatMap(r =>
      r.workloads.map(({ cost, ...w }) => ({
        ...where(r),
        ...w,
        hourlyCost: cost,
      })),
    ),
    volumes: rows.flatMap(r =>
      r.volumes.map(({ cost, ...v }) => ({
        ...where(r),
        ...v,
        hourlyCost: cost,
      })),
    ),
    claims: rows.flatMap(r =>
      r.claims.map(({ cost, ...c }) => ({
        ...where(r),
        ...c,
        hourlyCost: cost,
      })),
    ),
    notCounted: rows.flatMap(r =>
      r.notCounted.map(n => ({ ...where(r), ...n })),
    ),
    neverCounted: NEVER_COUNTED,
  };
}
