// Efficiency as OpenCost defines it: usage / request. Above 1 means the workload used more than
// it asked for (and was charged for the usage); well below 1 means it reserves what it never uses.

/** Resource-time requested (the effective request × hours). */
export interface RequestedHours {
  coreHours: number;
  memoryGiBHours: number;
}

/** Resource-time used; a field is absent when some container had no usage data for it. */
export interface UsedHours {
  coreHours?: number;
  memoryGiBHours?: number;
}

/** usage / request per resource; absent where it cannot be computed (no usage, or no request). */
export interface Efficiency {
  cpu?: number;
  memory?: number;
  /**
   * CPU and memory together, each weighted by its price (OpenCost's totalEfficiency): a GiB of
   * idle memory weighs what it costs, not what a core costs.
   */
  total?: number;
}

function ratio(
  used: number | undefined,
  requested: number,
): number | undefined {
  return used !== undefined && requested > 0 ? used / requested : undefined;
}

/** Efficiency from requested and used resource-time, with hourly prices for the total. */
export function efficiencyOf(
  requested: RequestedHours,
  used: UsedHours,
  perHour: { cpu: number; memory: number },
): Efficiency {
  const requestedCost =
    requested.coreHours * perHour.cpu +
    requested.memoryGiBHours * perHour.memory;
  const total =
    used.coreHours !== undefined && used.memoryGiBHours !== undefined
      ? ratio(
          used.coreHours * perHour.cpu + used.memoryGiBHours * perHour.memory,
          requestedCost,
        )
      : undefined;
  return {
    cpu: ratio(used.coreHours, requested.coreHours),
    memory: ratio(used.memoryGiBHours, requested.memoryGiBHours),
    total,
  };
}
