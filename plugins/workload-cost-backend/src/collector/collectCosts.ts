// One collection pass: the catalog's Components (read with the plugin's own credentials), then
// every configured cluster on its own, so one that fails leaves the others counted. A cluster's
// pass is stored for its hour (the current one; the last closed one where OpenCost answers) and
// marked incomplete, with why, when anything in it failed.
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterDetails,
  readClusters,
} from '@internal/plugin-kubernetes-access-node';
import { hourOf, nextHour } from '../hours';
import { CostSettings } from '../settings';
import { CostStore } from '../store/CostStore';
import { readClusterInventory } from './clusterInventory';
import { ComponentMatcher } from './componentMatcher';
import { CostGroups } from './costGroups';
import { addClaims, addWorkloads } from './estimate';
import { addOpenCost, fetchAllocations, OPENCOST_METHOD } from './openCost';

export interface CollectDeps {
  config: Config;
  settings: CostSettings;
  store: CostStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now?: Date;
  /** The scheduler's: aborts the pass (between clusters and pages, and every call in flight). */
  signal?: AbortSignal;
}

export interface ClusterOutcome {
  cluster: string;
  hour: string;
  method: string;
  complete: boolean;
  samples: number;
  errors: string[];
  notes: string[];
  saved: 'saved' | 'kept';
}

async function loadMatcher(deps: CollectDeps): Promise<ComponentMatcher> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const { items } = await deps.catalog.getEntities(
    {
      filter: { kind: 'Component' },
      fields: ['kind', 'metadata', 'spec.owner'],
    },
    { credentials },
  );
  return ComponentMatcher.fromEntities(items);
}

async function collectCluster(
  cluster: ClusterDetails,
  matcher: ComponentMatcher,
  deps: CollectDeps,
  now: Date,
): Promise<ClusterOutcome> {
  const { settings } = deps;
  const openCostUrl = settings.openCost[cluster.name];
  const hour = hourOf(now, openCostUrl ? -1 : 0);
  const groups = new CostGroups(cluster.name, hour, settings.prices.currency);
  const inventory = await readClusterInventory(cluster, settings.offerings, {
    workloads: !openCostUrl,
    timeoutMs: settings.requestTimeoutMs,
    signal: deps.signal,
  });
  const errors = [...inventory.errors];
  let method: string;
  if (openCostUrl) {
    method = OPENCOST_METHOD;
    try {
      const allocations = await fetchAllocations(
        openCostUrl,
        { start: hour, end: nextHour(hour) },
        { timeoutMs: settings.requestTimeoutMs, signal: deps.signal },
      );
      addOpenCost(groups, allocations, matcher);
    } catch (error) {
      errors.push((error as Error).message);
    }
  } else {
    method = inventory.usage ? 'max(request, usage)' : 'requests';
    addWorkloads(groups, inventory, matcher, settings.prices);
  }
  addClaims(groups, inventory, matcher);
  deps.signal?.throwIfAborted();
  const complete = errors.length === 0;
  const samples = groups.samples(method, complete);
  const saved = await deps.store.saveClusterHour({
    pass: {
      hour,
      cluster: cluster.name,
      method,
      complete,
      error: errors.join('\n') || undefined,
      note: inventory.notes.join('\n') || undefined,
      attemptedAt: now.toISOString(),
    },
    samples,
    counted: groups.counted(complete),
  });
  if (!complete) {
    deps.logger.warn(
      `Workload cost of cluster ${
        cluster.name
      } for ${hour} is incomplete: ${errors.join('; ')}`,
    );
  }
  return {
    cluster: cluster.name,
    hour,
    method,
    complete,
    samples: samples.length,
    errors,
    notes: inventory.notes,
    saved,
  };
}

export async function collectCosts(
  deps: CollectDeps,
): Promise<ClusterOutcome[]> {
  const started = Date.now();
  const now = deps.now ?? new Date();
  const clusters = readClusters(deps.config);
  for (const name of Object.keys(deps.settings.openCost)) {
    if (!clusters.some(cluster => cluster.name === name)) {
      deps.logger.warn(
        `workloadCost.opencost.${name} names no cluster of kubernetes.clusterLocatorMethods; it is not used`,
      );
    }
  }
  let matcher: ComponentMatcher;
  try {
    matcher = await loadMatcher(deps);
  } catch (error) {
    // Without the catalog every cost would be unallocated: the pass fails rather than mislead.
    const message = `the catalog could not be read: ${
      (error as Error).message
    }`;
    deps.logger.warn(`Workload cost pass skipped: ${message}`);
    for (const cluster of clusters) {
      await deps.store.saveClusterHour({
        pass: {
          hour: hourOf(now, deps.settings.openCost[cluster.name] ? -1 : 0),
          cluster: cluster.name,
          method: 'none',
          complete: false,
          error: message,
          attemptedAt: now.toISOString(),
        },
        samples: [],
        counted: [],
      });
    }
    return [];
  }
  const outcomes: ClusterOutcome[] = [];
  for (const cluster of clusters) {
    // An aborted pass stores nothing more (its calls fail): the next pass counts the hour.
    deps.signal?.throwIfAborted();
    outcomes.push(await collectCluster(cluster, matcher, deps, now));
  }
  deps.logger.info(passDoneLine(outcomes, Date.now() - started));
  return outcomes;
}

/** The line every pass that read the catalog ends with; the message starts with this. */
export const PASS_DONE = 'Workload cost pass done';

/** One line per pass, so an operator sees when it ran, on which replica, and what it stored. */
function passDoneLine(outcomes: ClusterOutcome[], ms: number): string {
  const clusters = outcomes.length
    ? outcomes
        .map(
          o =>
            `${o.cluster} ${o.hour} ${o.samples} samples (${o.method}, ${
              o.complete ? 'complete' : 'incomplete'
            }, ${o.saved})`,
        )
        .join('; ')
    : 'no cluster in kubernetes.clusterLocatorMethods';
  return `${PASS_DONE} in ${(ms / 1000).toFixed(1)} s: ${clusters}`;
}
