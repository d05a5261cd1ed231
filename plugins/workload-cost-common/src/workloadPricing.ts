// What a workload costs for a number of hours, as OpenCost allocates it: each running container is
// charged max(request, usage) of CPU and memory, the pod never less than the scheduler reserved
// for it (init containers included), GPUs by request, volumes by capacity. Everything not counted
// is reported, because engineers read the card as "all of my service's cost".
import {
  addCosts,
  addQuantities,
  costBreakdown,
  CostBreakdown,
  ResourceQuantities,
  ZERO_COST,
  ZERO_QUANTITIES,
} from './costBreakdown';
import {
  efficiencyOf,
  Efficiency,
  RequestedHours,
  UsedHours,
} from './efficiency';
import {
  containerRequest,
  CPU_RESOURCE,
  DEFAULT_GPU_RESOURCES,
  MEMORY_RESOURCE,
  podRequestPhases,
  PodSpec,
  runningContainers,
} from './podSpec';
import { HourlyPriceSheet } from './priceSheet';
import { BYTES_PER_GIB, parseBytes, Quantity } from './quantity';

/** How CPU and memory were allocated: from requests alone, or OpenCost's max(request, usage). */
export type AllocationMethod = 'requests' | 'max(request, usage)';

/** A container's average usage over the priced hours (metrics-server, Prometheus). */
export interface ContainerUsage {
  cpuCores?: number;
  memoryBytes?: number;
}

export interface PodToPrice {
  name: string;
  spec: PodSpec;
  /** Hours the pod ran; defaults to the hours priced. */
  hours?: number;
  /**
   * Average usage per container name. Absent: no usage data, priced on requests alone (and the
   * result says so). A container missing from it is charged its request.
   */
  usage?: Readonly<Record<string, ContainerUsage>>;
}

export interface VolumeToPrice {
  /** The PersistentVolumeClaim's name. */
  name: string;
  /** Its capacity: status.capacity.storage, or spec.resources.requests.storage while pending. */
  capacity: Quantity;
  /** Hours the claim existed; defaults to the hours priced. */
  hours?: number;
}

/** A container whose CPU or memory is not (fully) in the cost, for the UI to say why. */
export interface NotCounted {
  pod: string;
  container: string;
  resource: 'cpu' | 'memory';
  /** 'nothing' on requests alone; 'usage only' when usage data stood in for the request. */
  counted: 'nothing' | 'usage only';
  /** E.g. "not counted: container worker has no CPU request (pod api-7d9f)". */
  message: string;
}

/** What one running container was charged for, per hour. */
export interface ContainerAllocation {
  name: string;
  sidecar: boolean;
  request: { cpuCores?: number; memoryBytes?: number };
  usage?: ContainerUsage;
  /** max(request, usage), a missing request counting as 0. */
  allocated: { cpuCores: number; memoryBytes: number };
}

/** Per-hour amounts of CPU, memory and GPUs. */
export interface PodResources {
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
}

export interface PodCost {
  name: string;
  hours: number;
  method: AllocationMethod;
  cost: CostBreakdown;
  quantities: ResourceQuantities;
  /** What the pod was charged for per hour: max(init peak, Σ allocated containers) + overhead. */
  allocation: PodResources;
  /** The part of the allocation only the init containers needed (above the running containers). */
  initContainerExcess: PodResources;
  requested: RequestedHours;
  /** Present with usage data. */
  used?: UsedHours;
  efficiency?: Efficiency;
  containers: ContainerAllocation[];
  notCounted: NotCounted[];
}

export interface VolumeCost {
  name: string;
  hours: number;
  capacityBytes: number;
  cost: CostBreakdown;
  quantities: ResourceQuantities;
}

export interface WorkloadCost {
  currency: string;
  /** 'mixed' when some pods had usage data and others did not. */
  method: AllocationMethod | 'mixed';
  cost: CostBreakdown;
  quantities: ResourceQuantities;
  requested: RequestedHours;
  used?: UsedHours;
  efficiency?: Efficiency;
  pods: PodCost[];
  volumes: VolumeCost[];
  notCounted: NotCounted[];
}

function checkHours(hours: number | undefined, what: string): number {
  if (hours === undefined) {
    throw new Error(
      `Cannot price ${what}: give the hours it ran, on it or for the whole workload`,
    );
  }
  if (!Number.isFinite(hours) || hours < 0) {
    throw new Error(
      `Cannot price ${what} for ${hours} hours: hours must be a number ≥ 0`,
    );
  }
  return hours;
}

function notCounted(
  pod: string,
  container: string,
  resource: 'cpu' | 'memory',
  usageKnown: boolean,
): NotCounted {
  const what = `container ${container} has no ${
    resource === 'cpu' ? 'CPU' : 'memory'
  } request (pod ${pod})`;
  return usageKnown
    ? {
        pod,
        container,
        resource,
        counted: 'usage only',
        message: `counted by usage only: ${what}`,
      }
    : {
        pod,
        container,
        resource,
        counted: 'nothing',
        message: `not counted: ${what}`,
      };
}

/** Sum of a field over containers, or undefined when any container lacks it. */
function sumKnown(values: (number | undefined)[]): number | undefined {
  return values.every(value => value !== undefined)
    ? values.reduce<number>((sum, value) => sum + value!, 0)
    : undefined;
}

/** One pod for its hours: the cost, the resource-time behind it, and what was left out. */
export function pricePod(
  pod: PodToPrice,
  prices: HourlyPriceSheet,
  options: { hours?: number; gpuResources?: readonly string[] } = {},
): PodCost {
  const hours = checkHours(pod.hours ?? options.hours, `pod ${pod.name}`);
  const method: AllocationMethod = pod.usage
    ? 'max(request, usage)'
    : 'requests';
  const flags: NotCounted[] = [];

  const containers = runningContainers(pod.spec).map(
    ({ container, sidecar }): ContainerAllocation => {
      const cpuCores = containerRequest(container, CPU_RESOURCE);
      const memoryBytes = containerRequest(container, MEMORY_RESOURCE);
      const usage = pod.usage?.[container.name];
      if (cpuCores === undefined) {
        flags.push(
          notCounted(
            pod.name,
            container.name,
            'cpu',
            usage?.cpuCores !== undefined,
          ),
        );
      }
      if (memoryBytes === undefined) {
        flags.push(
          notCounted(
            pod.name,
            container.name,
            'memory',
            usage?.memoryBytes !== undefined,
          ),
        );
      }
      return {
        name: container.name,
        sidecar,
        request: { cpuCores, memoryBytes },
        usage,
        allocated: {
          cpuCores: Math.max(cpuCores ?? 0, usage?.cpuCores ?? 0),
          memoryBytes: Math.max(memoryBytes ?? 0, usage?.memoryBytes ?? 0),
        },
      };
    },
  );

  // The scheduler reserves the init containers' peak for the pod's whole life: the pod is charged
  // the larger of that peak and what its running containers were allocated.
  const cpu = podRequestPhases(pod.spec, CPU_RESOURCE);
  const memory = podRequestPhases(pod.spec, MEMORY_RESOURCE);
  const gpu = podRequestPhases(
    pod.spec,
    options.gpuResources ?? DEFAULT_GPU_RESOURCES,
  );
  const runningCpu = containers.reduce(
    (sum, c) => sum + c.allocated.cpuCores,
    0,
  );
  const runningMemory = containers.reduce(
    (sum, c) => sum + c.allocated.memoryBytes,
    0,
  );
  const allocation: PodResources = {
    cpuCores: Math.max(cpu.initPeak, runningCpu) + cpu.overhead,
    memoryBytes: Math.max(memory.initPeak, runningMemory) + memory.overhead,
    // GPUs are whole devices held by request; usage does not change what is held.
    gpus: gpu.effective,
  };
  const initContainerExcess: PodResources = {
    cpuCores: Math.max(0, cpu.initPeak - runningCpu),
    memoryBytes: Math.max(0, memory.initPeak - runningMemory),
    gpus: Math.max(0, gpu.initPeak - gpu.steady),
  };

  const quantities: ResourceQuantities = {
    coreHours: allocation.cpuCores * hours,
    memoryGiBHours: (allocation.memoryBytes / BYTES_PER_GIB) * hours,
    storageGiBHours: 0,
    gpuHours: allocation.gpus * hours,
  };
  const requested: RequestedHours = {
    coreHours: cpu.effective * hours,
    memoryGiBHours: (memory.effective / BYTES_PER_GIB) * hours,
  };
  let used: UsedHours | undefined;
  if (pod.usage) {
    const usedCpu = sumKnown(containers.map(c => c.usage?.cpuCores));
    const usedMemory = sumKnown(containers.map(c => c.usage?.memoryBytes));
    used = {
      coreHours: usedCpu === undefined ? undefined : usedCpu * hours,
      memoryGiBHours:
        usedMemory === undefined
          ? undefined
          : (usedMemory / BYTES_PER_GIB) * hours,
    };
  }

  return {
    name: pod.name,
    hours,
    method,
    cost: costBreakdown({
      cpu: quantities.coreHours * prices.perHour.cpu,
      memory: quantities.memoryGiBHours * prices.perHour.memory,
      gpu: quantities.gpuHours * prices.perHour.gpu,
    }),
    quantities,
    allocation,
    initContainerExcess,
    requested,
    used,
    efficiency: used
      ? efficiencyOf(requested, used, prices.perHour)
      : undefined,
    containers,
    notCounted: flags,
  };
}

/** A PersistentVolumeClaim for its hours: capacity (GiB) × storage price × hours. */
export function priceVolume(
  volume: VolumeToPrice,
  prices: HourlyPriceSheet,
  options: { hours?: number } = {},
): VolumeCost {
  const hours = checkHours(
    volume.hours ?? options.hours,
    `volume ${volume.name}`,
  );
  const capacityBytes = parseBytes(volume.capacity);
  const storageGiBHours = (capacityBytes / BYTES_PER_GIB) * hours;
  return {
    name: volume.name,
    hours,
    capacityBytes,
    cost: costBreakdown({ storage: storageGiBHours * prices.perHour.storage }),
    quantities: { ...ZERO_QUANTITIES, storageGiBHours },
  };
}

function addUsed(a: UsedHours | undefined, b: UsedHours | undefined) {
  const add = (x?: number, y?: number) =>
    x === undefined || y === undefined ? undefined : x + y;
  return a && b
    ? {
        coreHours: add(a.coreHours, b.coreHours),
        memoryGiBHours: add(a.memoryGiBHours, b.memoryGiBHours),
      }
    : undefined;
}

/**
 * A workload's pods and volumes for a number of hours (each may carry its own hours, e.g. a pod
 * that ran half the window). Efficiency is given only when every pod had usage data.
 */
export function priceWorkload(input: {
  pods: readonly PodToPrice[];
  volumes?: readonly VolumeToPrice[];
  hours: number;
  prices: HourlyPriceSheet;
  gpuResources?: readonly string[];
}): WorkloadCost {
  const { hours, prices } = input;
  checkHours(hours, 'the workload');
  const pods = input.pods.map(pod =>
    pricePod(pod, prices, { hours, gpuResources: input.gpuResources }),
  );
  const volumes = (input.volumes ?? []).map(volume =>
    priceVolume(volume, prices, { hours }),
  );
  const methods = new Set(pods.map(pod => pod.method));
  const requested = pods.reduce<RequestedHours>(
    (sum, pod) => ({
      coreHours: sum.coreHours + pod.requested.coreHours,
      memoryGiBHours: sum.memoryGiBHours + pod.requested.memoryGiBHours,
    }),
    { coreHours: 0, memoryGiBHours: 0 },
  );
  const used =
    pods.length > 0
      ? pods.map(pod => pod.used).reduce((sum, next) => addUsed(sum, next))
      : undefined;
  return {
    currency: prices.currency,
    // Volumes are priced by capacity either way; the method describes CPU and memory.
    method:
      methods.size > 1 ? 'mixed' : methods.values().next().value ?? 'requests',
    cost: [...pods, ...volumes].reduce(
      (sum, item) => addCosts(sum, item.cost),
      ZERO_COST,
    ),
    quantities: [...pods, ...volumes].reduce(
      (sum, item) => addQuantities(sum, item.quantities),
      ZERO_QUANTITIES,
    ),
    requested,
    used,
    efficiency: used
      ? efficiencyOf(requested, used, prices.perHour)
      : undefined,
    pods,
    volumes,
    notCounted: pods.flatMap(pod => pod.notCounted),
  };
}
