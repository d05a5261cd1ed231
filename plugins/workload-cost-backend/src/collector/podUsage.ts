// Usage from metrics.k8s.io (metrics-server), where the cluster serves it, for OpenCost's
// max(request, usage). It is metrics-server's latest sample (a window of about 30 s), not the
// hour's average. Without it, CPU and memory are priced on requests alone and the pass says so.
import {
  ContainerUsage,
  parseQuantity,
} from '@internal/plugin-workload-cost-common';
import { ApisApi, KubeConfig, Metrics } from '@kubernetes/client-node';

export interface PodUsage {
  /** By 'namespace/pod', then container; absent without usage data. */
  usage?: Map<string, Record<string, ContainerUsage>>;
  note?: string;
}

const REQUESTS_ALONE = 'CPU and memory are priced on requests alone';

export async function readPodUsage(
  kubeConfig: KubeConfig,
  cluster: string,
): Promise<PodUsage> {
  try {
    // Discovery first: an API server answers a path it does not serve with a plain-text 404.
    const { groups } = await kubeConfig.makeApiClient(ApisApi).getAPIVersions();
    if (!groups.some(group => group.name === 'metrics.k8s.io')) {
      return {
        note: `cluster ${cluster} does not serve metrics.k8s.io (no metrics-server): ${REQUESTS_ALONE}`,
      };
    }
    const metrics = await new Metrics(kubeConfig).getPodMetrics();
    return {
      usage: new Map(
        metrics.items.map(pod => [
          `${pod.metadata.namespace}/${pod.metadata.name}`,
          Object.fromEntries(
            pod.containers.map(c => [
              c.name,
              {
                cpuCores: parseQuantity(c.usage.cpu),
                memoryBytes: parseQuantity(c.usage.memory),
              },
            ]),
          ),
        ]),
      ),
    };
  } catch (error) {
    return {
      note: `cluster ${cluster}: usage from metrics.k8s.io could not be read (${
        (error as Error).message
      }; the reader needs list on pods.metrics.k8s.io): ${REQUESTS_ALONE}`,
    };
  }
}
