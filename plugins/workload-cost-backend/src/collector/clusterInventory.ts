// What one cluster holds that costs money: pods that still hold their requests (not Succeeded or
// Failed), PersistentVolumeClaims, the claims of every golden-path offering, and usage from
// metrics.k8s.io where the cluster serves it. A list that fails is an error (the pass is then
// incomplete); an offering whose kind is not installed just has no claims there.
import {
  ClusterDetails,
  describeKubernetesError,
  kubeConfigForCluster,
  withRequestDeadlines,
} from '@internal/plugin-kubernetes-access-node';
import { ContainerUsage } from '@internal/plugin-workload-cost-common';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  V1PersistentVolumeClaim,
  V1Pod,
} from '@kubernetes/client-node';
import { PricedOfferingSettings } from '../settings';
import { readPodUsage } from './podUsage';

export interface ClaimObject {
  offering: PricedOfferingSettings;
  object: KubernetesObject;
}

export interface ClusterInventory {
  pods: V1Pod[];
  volumes: V1PersistentVolumeClaim[];
  claims: ClaimObject[];
  /** Usage by 'namespace/pod', then container; absent when the cluster serves no usage data. */
  usage?: Map<string, Record<string, ContainerUsage>>;
  /** What the reader should know, e.g. that CPU and memory are priced on requests alone. */
  notes: string[];
  errors: string[];
}

const PAGE = 500;
const MAX_PAGES = 1000;

async function listAll<T>(
  page: (continueToken?: string) => Promise<{
    items: T[];
    metadata?: { _continue?: string };
  }>,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    signal?.throwIfAborted();
    const list = await page(token);
    items.push(...list.items);
    token = list.metadata?._continue;
    if (!token) return items;
  }
  throw new Error(`more than ${MAX_PAGES * PAGE} objects in one list`);
}

export async function readClusterInventory(
  cluster: ClusterDetails,
  offerings: readonly PricedOfferingSettings[],
  options: {
    workloads: boolean;
    /** Deadline of each call to the API server. */
    timeoutMs: number;
    /** The scheduler's: the pass stops between pages when it aborts. */
    signal?: AbortSignal;
  },
): Promise<ClusterInventory> {
  const { signal } = options;
  const inventory: ClusterInventory = {
    pods: [],
    volumes: [],
    claims: [],
    notes: [],
    errors: [],
  };
  const failed = (error: unknown, apiVersion: string, kind: string) => {
    const described = describeKubernetesError(error, {
      cluster,
      verb: 'list',
      resource: { apiVersion, kind },
    });
    // A kind that is not installed has no objects to pay for: that is not a failure.
    if (described.name === 'NotFoundError' && apiVersion !== 'v1') {
      inventory.notes.push(
        `${kind} is not installed in cluster ${cluster.name}: no claims of it there`,
      );
    } else {
      inventory.errors.push(described.message);
    }
  };
  let kubeConfig: KubeConfig;
  try {
    kubeConfig = withRequestDeadlines(kubeConfigForCluster(cluster), {
      timeoutMs: options.timeoutMs,
      signal,
    });
  } catch (error) {
    inventory.errors.push((error as Error).message);
    return inventory;
  }
  const core = kubeConfig.makeApiClient(CoreV1Api);
  if (options.workloads) {
    try {
      inventory.pods = await listAll(
        token =>
          core.listPodForAllNamespaces({
            fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed',
            limit: PAGE,
            _continue: token,
          }),
        signal,
      );
      const usage = await readPodUsage(kubeConfig, cluster.name);
      inventory.usage = usage.usage;
      if (usage.note) inventory.notes.push(usage.note);
    } catch (error) {
      failed(error, 'v1', 'Pod');
    }
    try {
      inventory.volumes = await listAll(
        token =>
          core.listPersistentVolumeClaimForAllNamespaces({
            limit: PAGE,
            _continue: token,
          }),
        signal,
      );
    } catch (error) {
      failed(error, 'v1', 'PersistentVolumeClaim');
    }
  }
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  for (const offering of offerings) {
    try {
      const claims = await listAll(
        token =>
          objects.list(
            offering.apiVersion,
            offering.kind,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            PAGE,
            token,
          ),
        signal,
      );
      inventory.claims.push(
        ...claims.map(object => ({
          offering,
          object: { ...object, kind: offering.kind },
        })),
      );
    } catch (error) {
      failed(error, offering.apiVersion, offering.kind);
    }
  }
  return inventory;
}
