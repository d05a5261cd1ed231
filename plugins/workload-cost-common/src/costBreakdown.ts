// The one shape every priced thing returns, so a pod, a volume, a workload and a team add up the
// same way. Amounts are kept at full precision; round only for display (see money.ts).

/** Cost per resource and in total, in the price sheet's currency. */
export interface CostBreakdown {
  cpu: number;
  memory: number;
  storage: number;
  gpu: number;
  total: number;
}

/** The resource-time a cost was computed from: what the card shows next to the money. */
export interface ResourceQuantities {
  /** CPU cores × hours. */
  coreHours: number;
  /** GiB (2^30 bytes) of memory × hours. */
  memoryGiBHours: number;
  /** GiB of persistent volume capacity × hours. */
  storageGiBHours: number;
  /** GPUs × hours. */
  gpuHours: number;
}

export const ZERO_COST: CostBreakdown = {
  cpu: 0,
  memory: 0,
  storage: 0,
  gpu: 0,
  total: 0,
};

export const ZERO_QUANTITIES: ResourceQuantities = {
  coreHours: 0,
  memoryGiBHours: 0,
  storageGiBHours: 0,
  gpuHours: 0,
};

/** A breakdown from its parts, the total being their sum. */
export function costBreakdown(
  parts: Partial<Omit<CostBreakdown, 'total'>>,
): CostBreakdown {
  const cpu = parts.cpu ?? 0;
  const memory = parts.memory ?? 0;
  const storage = parts.storage ?? 0;
  const gpu = parts.gpu ?? 0;
  return { cpu, memory, storage, gpu, total: cpu + memory + storage + gpu };
}

export function addCosts(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  return {
    cpu: a.cpu + b.cpu,
    memory: a.memory + b.memory,
    storage: a.storage + b.storage,
    gpu: a.gpu + b.gpu,
    total: a.total + b.total,
  };
}

export function addQuantities(
  a: ResourceQuantities,
  b: ResourceQuantities,
): ResourceQuantities {
  return {
    coreHours: a.coreHours + b.coreHours,
    memoryGiBHours: a.memoryGiBHours + b.memoryGiBHours,
    storageGiBHours: a.storageGiBHours + b.storageGiBHours,
    gpuHours: a.gpuHours + b.gpuHours,
  };
}
