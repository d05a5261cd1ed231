// GET /entity: a service's cost with what it counts and how it was made, or why there is none.
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import {
  addDays,
  utcDay,
  type EntityCost,
} from '@internal/plugin-workload-cost-common';
import { dayStart } from '../hours';
import { CostSettings } from '../settings';
import { CostStore } from '../store/CostStore';
import { costSummary } from './costSummary';
import { describeSources } from './sources';
import { whatIsCounted } from './whatIsCounted';
import { missingConfiguration, missingSamples } from './whyMissing';

export type { EntityCost };

export async function entityCost(
  deps: {
    store: CostStore;
    settings: CostSettings;
    config: Config;
    catalog: CatalogService;
  },
  entityRef: string,
  credentials: BackstageCredentials,
  now: Date,
): Promise<EntityCost> {
  const entity: Entity | undefined = await deps.catalog.getEntityByRef(
    entityRef,
    { credentials },
  );
  if (!entity)
    throw new NotFoundError(`There is no entity ${entityRef} in the catalog`);
  const ref = stringifyEntityRef(entity);
  const { currency } = deps.settings.prices;
  const configurationGap = missingConfiguration(entity, deps.config);
  if (configurationGap)
    return { entityRef: ref, currency, missing: configurationGap };
  const filter = { currency, components: [ref] };
  const summary = await costSummary(deps.store, filter, now);
  if (summary.clusters.length === 0) {
    const passes = await deps.store.latestPasses();
    return {
      entityRef: ref,
      currency,
      missing: missingSamples(entity, {
        anyPass: passes.length > 0,
        clusters: passes.map(p => p.cluster),
        collectEveryMinutes: deps.settings.collectEveryMinutes,
      }),
    };
  }
  const range = {
    from: dayStart(addDays(utcDay(now), -29)),
    to: dayStart(addDays(utcDay(now), 1)),
  };
  return {
    entityRef: ref,
    ...summary,
    ...(await describeSources(deps.store, deps.settings, {
      ...filter,
      ...range,
    })),
    whatIsCounted: await whatIsCounted(deps.store, ref),
  };
}
