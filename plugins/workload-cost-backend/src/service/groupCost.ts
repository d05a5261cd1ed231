// GET /group: a team's cost through ownership (the owner each sample had when it was taken), per
// service, with its trend and its budget checked against the month's forecast, so the warning
// comes while there is still time to act.
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  addDays,
  utcDay,
  type GroupCost,
} from '@internal/plugin-workload-cost-common';
import { dayStart } from '../hours';
import { CostSettings } from '../settings';
import { CostStore } from '../store/CostStore';
import { budgetOf } from './budget';
import { costSummary } from './costSummary';
import { describeSources } from './sources';
import { missingClusters } from './whyMissing';

export type { GroupCost };

type Deps = {
  store: CostStore;
  settings: CostSettings;
  config: Config;
  catalog: CatalogService;
};

async function subTeams(
  deps: Deps,
  ref: string,
  credentials: BackstageCredentials,
) {
  const { items } = await deps.catalog.getEntities(
    { filter: { kind: 'Group' }, fields: ['kind', 'metadata', 'spec.parent'] },
    { credentials },
  );
  const parentOf = (group: Entity) =>
    typeof group.spec?.parent === 'string'
      ? stringifyEntityRef(
          parseEntityRef(group.spec.parent, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace,
          }),
        )
      : undefined;
  const found = new Set([ref]);
  // Bounded by the number of groups; a cycle in the tree adds nothing new and ends it.
  for (let added = true; added; ) {
    added = false;
    for (const group of items) {
      const child = stringifyEntityRef(group);
      if (!found.has(child) && found.has(parentOf(group) ?? '')) {
        found.add(child);
        added = true;
      }
    }
  }
  return [...found];
}

export async function groupCost(
  deps: Deps,
  entityRef: string,
  options: {
    includeSubTeams: boolean;
    credentials: BackstageCredentials;
    now: Date;
  },
): Promise<GroupCost> {
  const group = await deps.catalog.getEntityByRef(entityRef, {
    credentials: options.credentials,
  });
  if (!group)
    throw new NotFoundError(`There is no group ${entityRef} in the catalog`);
  const ref = stringifyEntityRef(group);
  const { currency } = deps.settings.prices;
  const owners = options.includeSubTeams
    ? await subTeams(deps, ref, options.credentials)
    : [ref];
  const base = { entityRef: ref, currency, owners };
  const noClusters = missingClusters(deps.config);
  if (noClusters)
    return {
      ...base,
      budget: budgetOf(deps.settings, group, ref),
      missing: noClusters,
    };
  const filter = { currency, owners };
  const summary = await costSummary(deps.store, filter, options.now);
  if (summary.clusters.length === 0) {
    return {
      ...base,
      budget: budgetOf(deps.settings, group, ref),
      missing: {
        reason: `No service owned by ${owners.join(', ')} has a cost yet`,
        fix: 'set spec.owner of its Components to this group and give them backstage.io/kubernetes-id (the entity card says what else is missing)',
      },
    };
  }
  const range = {
    from: dayStart(addDays(utcDay(options.now), -29)),
    to: dayStart(addDays(utcDay(options.now), 1)),
  };
  const services = await deps.store.samples.totals('component', {
    ...filter,
    ...range,
    kinds: ['component'],
  });
  return {
    ...base,
    budget: budgetOf(deps.settings, group, ref, summary),
    ...summary,
    ...(await describeSources(deps.store, deps.settings, {
      ...filter,
      ...range,
    })),
    services: services
      .map(({ key, kind, hours, incompleteSamples, ...parts }) => ({
        entityRef: key,
        ...parts,
        complete: incompleteSamples === 0,
      }))
      .sort((a, b) => b.total - a.total),
  };
}
