// Everything the demo cluster should hold, derived from the catalog, as plan "units": one per
// namespace, applied in order within a unit (an owner before what it owns), units in parallel.
// An item is { object, status?: applied => status, owner?: { apiVersion, kind, namespace, name } }.
import { DAY } from './clock.mjs';
import { argocdItems } from './argocd.mjs';
import { claimItem } from './claims.mjs';
import { HISTORY_DAYS, serviceHistory } from './history.mjs';
import { imageFor, workloadItems } from './workloads.mjs';

export function buildPlan(catalog, now) {
  const windowStart = now.getTime() - HISTORY_DAYS * DAY;
  const timelines = {};
  const images = {};
  const units = [];

  for (const service of catalog.services) {
    timelines[service.name] = serviceHistory(service, catalog.members, now);
    for (const envInfo of service.environments) {
      const timeline = timelines[service.name][envInfo.env];
      const last = timeline.history[timeline.history.length - 1];
      const deployed = {
        revision: timeline.running,
        // A service with no deploy in the window has run its revision since before it.
        time: last ? Date.parse(last.deployedAt) : windowStart - 7 * DAY,
        number: Math.max(1, timeline.history.length),
      };
      images[envInfo.namespace] = imageFor(service, deployed.revision);
      units.push({
        namespace: envInfo.namespace,
        items: workloadItems(service, envInfo, deployed),
      });
    }
  }

  for (const claim of catalog.claims) {
    let unit = units.find(u => u.namespace === claim.namespace);
    if (!unit) {
      unit = {
        namespace: claim.namespace,
        items: [
          {
            object: {
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: {
                name: claim.namespace,
                labels: { 'paved.dev/team': claim.team },
              },
            },
          },
        ],
      };
      units.push(unit);
    }
    const service = catalog.services.find(s =>
      s.environments.some(e => e.namespace === claim.namespace),
    );
    const createdAt = service?.createdAt
      ? Date.parse(service.createdAt)
      : windowStart;
    unit.items.push(claimItem(claim, createdAt, service));
  }

  const argocd = {
    namespace: 'argocd',
    items: argocdItems(catalog.services, timelines, images, now),
  };
  return { units: [argocd, ...units] };
}

/** The plan as plain objects (statuses evaluated, owners by name), for --print and for tests. */
export function printablePlan(plan) {
  return plan.units.flatMap(unit =>
    unit.items.map(item => ({
      ...item.object,
      ...(item.owner && { owner: item.owner }),
      ...(item.status && {
        status: item.status({ metadata: { generation: 1 } }),
      }),
    })),
  );
}
