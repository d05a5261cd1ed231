// How Kubernetes decides what a pod reserves, which is what a pod is charged for. Read from the
// pod spec (a V1PodSpec from @kubernetes/client-node fits these types) with the API server's and
// the scheduler's rules, so the cost matches what the cluster actually set aside.
import { parseQuantity, Quantity } from './quantity';

/** `resources.requests` or `resources.limits`: resource name → quantity. */
export type ResourceList = Readonly<Record<string, Quantity | undefined>>;

/** The parts of a container spec that pricing reads. */
export interface ContainerSpec {
  name: string;
  /** 'Always' on an init container makes it a sidecar that keeps running beside the app. */
  restartPolicy?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
}

/** The parts of a pod spec that pricing reads. */
export interface PodSpec {
  containers: readonly ContainerSpec[];
  initContainers?: readonly ContainerSpec[];
  /** RuntimeClass overhead (e.g. a VM sandbox), reserved on top of the containers. */
  overhead?: ResourceList;
}

/** The resource names of a CPU, memory and GPU request. */
export const CPU_RESOURCE = 'cpu';
export const MEMORY_RESOURCE = 'memory';
/** Extended resources counted as GPUs: NVIDIA's, AMD's and Intel's device plugins. */
export const DEFAULT_GPU_RESOURCES: readonly string[] = [
  'nvidia.com/gpu',
  'amd.com/gpu',
  'gpu.intel.com/i915',
];

/**
 * A container's request for a resource, or undefined when it has none. Where only a limit is set,
 * the API server defaults the request to the limit, so the limit is read as the request; specs
 * read back from the cluster already carry that default.
 */
export function containerRequest(
  container: ContainerSpec,
  resourceNames: string | readonly string[],
): number | undefined {
  const names =
    typeof resourceNames === 'string' ? [resourceNames] : resourceNames;
  let total: number | undefined;
  for (const name of names) {
    const quantity =
      container.resources?.requests?.[name] ??
      container.resources?.limits?.[name];
    if (quantity !== undefined) {
      total = (total ?? 0) + parseQuantity(quantity);
    }
  }
  return total;
}

/** A sidecar is an init container with restartPolicy Always (Kubernetes 1.29+). */
export function isSidecar(container: ContainerSpec): boolean {
  return container.restartPolicy === 'Always';
}

/** The containers that run for the pod's life: the app containers, then the sidecars. */
export function runningContainers(
  spec: PodSpec,
): { container: ContainerSpec; sidecar: boolean }[] {
  return [
    ...spec.containers.map(container => ({ container, sidecar: false })),
    ...(spec.initContainers ?? [])
      .filter(isSidecar)
      .map(container => ({ container, sidecar: true })),
  ];
}

/** What a pod requests of one resource, phase by phase. */
export interface PodRequestPhases {
  /**
   * The largest request while init containers run: each regular init container runs alone beside
   * the sidecars started before it; a sidecar adds to those that follow.
   */
  initPeak: number;
  /** The app containers plus all sidecars: what the running pod holds. */
  steady: number;
  /** The RuntimeClass overhead. */
  overhead: number;
  /**
   * max(initPeak, steady) + overhead: the pod's effective request, the amount the scheduler
   * reserves for its whole life (Kubernetes' resource.PodRequests).
   */
  effective: number;
}

/**
 * Kubernetes' effective request of a pod for one resource. Without sidecars this is the familiar
 * max(max(init containers), sum(containers)) + overhead: a 1-CPU migration init container makes a
 * pod of two 250m containers reserve 1 CPU.
 */
export function podRequestPhases(
  spec: PodSpec,
  resourceNames: string | readonly string[],
): PodRequestPhases {
  const requestOf = (container: ContainerSpec) =>
    containerRequest(container, resourceNames) ?? 0;
  let sidecars = 0;
  let initPeak = 0;
  for (const init of spec.initContainers ?? []) {
    if (isSidecar(init)) {
      sidecars += requestOf(init);
      initPeak = Math.max(initPeak, sidecars);
    } else {
      initPeak = Math.max(initPeak, sidecars + requestOf(init));
    }
  }
  const steady =
    spec.containers.reduce((sum, container) => sum + requestOf(container), 0) +
    sidecars;
  const overhead =
    containerRequest(
      { name: 'overhead', resources: { requests: spec.overhead } },
      resourceNames,
    ) ?? 0;
  return {
    initPeak,
    steady,
    overhead,
    effective: Math.max(initPeak, steady) + overhead,
  };
}
