// The estimate of one cluster's hour from what the API server holds, priced by the common cost
// model: each pod at max(request, usage) (requests alone without usage data), each volume by
// capacity, each claim at its offering's list price. A volume no component selects goes with the
// pods that mount it; what is still unmatched stays in its namespace's unallocated row.
import {
  HourlyPriceSheet,
  PodSpec,
  pricePod,
  priceVolume,
  BYTES_PER_GIB,
} from '@internal/plugin-workload-cost-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { claimCostForHour } from './claimCost';
import { ClusterInventory } from './clusterInventory';
import { ComponentMatch, ComponentMatcher } from './componentMatcher';
import { CostGroup, CostGroups } from './costGroups';

function matchObject(
  matcher: ComponentMatcher,
  kind: string,
  object: KubernetesObject,
): ComponentMatch | undefined {
  const labels = object.metadata?.labels ?? {};
  return matcher.match({
    kind,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    labels: key => labels[key],
  });
}

/** Counts the object where it matched, and tells the other components that select it why not there. */
function groupFor(
  groups: CostGroups,
  namespace: string,
  match: ComponentMatch | undefined,
  what: string,
): CostGroup {
  for (const other of match?.alsoMatched ?? []) {
    groups.group(namespace, other).details.notCounted.push({
      what,
      reason: `counted under ${match!.ref}, whose annotations also select it`,
    });
  }
  return groups.group(namespace, match);
}

export function addWorkloads(
  groups: CostGroups,
  inventory: ClusterInventory,
  matcher: ComponentMatcher,
  prices: HourlyPriceSheet,
): void {
  const mountedBy = new Map<string, ComponentMatch | undefined>();
  for (const pod of inventory.pods) {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const match = matchObject(matcher, 'Pod', pod);
    const group = groupFor(groups, namespace, match, `Pod ${name}`);
    for (const volume of pod.spec?.volumes ?? []) {
      const claimName = volume.persistentVolumeClaim?.claimName;
      if (claimName) mountedBy.set(`${namespace}/${claimName}`, match);
    }
    try {
      const cost = pricePod(
        {
          name,
          spec: pod.spec as PodSpec,
          usage: inventory.usage?.get(`${namespace}/${name}`),
        },
        prices,
        { hours: 1 },
      );
      const { cpu, memory, gpu, total } = cost.cost;
      CostGroups.add(group, { cpu, memory, gpu }, cost.method);
      group.details.workloads.push({
        kind: 'Pod',
        name,
        method: cost.method,
        cost: total,
      });
      group.details.notCounted.push(
        ...cost.notCounted.map(n => ({
          what: `Pod ${name}`,
          reason: n.message,
        })),
      );
    } catch (error) {
      group.details.notCounted.push({
        what: `Pod ${name}`,
        reason: (error as Error).message,
      });
    }
  }
  for (const volume of inventory.volumes) {
    const namespace = volume.metadata?.namespace ?? '';
    const name = volume.metadata?.name ?? '';
    const match =
      matchObject(matcher, 'PersistentVolumeClaim', volume) ??
      mountedBy.get(`${namespace}/${name}`);
    const group = groupFor(
      groups,
      namespace,
      match,
      `PersistentVolumeClaim ${name}`,
    );
    const capacity =
      volume.status?.capacity?.storage ??
      volume.spec?.resources?.requests?.storage;
    try {
      if (capacity === undefined) {
        throw new Error('it has neither a capacity nor a storage request');
      }
      const cost = priceVolume({ name, capacity }, prices, { hours: 1 });
      CostGroups.add(group, { storage: cost.cost.storage });
      group.details.volumes.push({
        name,
        capacityGiB: cost.capacityBytes / BYTES_PER_GIB,
        cost: cost.cost.total,
      });
    } catch (error) {
      group.details.notCounted.push({
        what: `PersistentVolumeClaim ${name}`,
        reason: (error as Error).message,
      });
    }
  }
}

export function addClaims(
  groups: CostGroups,
  inventory: ClusterInventory,
  matcher: ComponentMatcher,
): void {
  for (const claim of inventory.claims) {
    const { object } = claim;
    const namespace = object.metadata?.namespace ?? '';
    const what = `${object.kind} ${object.metadata?.name}`;
    const match = matchObject(matcher, object.kind ?? '', object);
    const group = groupFor(groups, namespace, match, what);
    const priced = claimCostForHour(claim);
    if ('counted' in priced) {
      CostGroups.add(group, { databases: priced.counted.cost });
      group.details.claims.push(priced.counted);
    } else {
      group.details.notCounted.push(priced.notCounted);
    }
  }
}
