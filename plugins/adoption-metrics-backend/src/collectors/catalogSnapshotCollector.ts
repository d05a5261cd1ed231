// Snapshots the catalog's services once a pass (the catalog keeps no history): owner, type and the
// template each was made from, under today's UTC day.
import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { sourceTemplate } from '@internal/plugin-adoption-metrics-common';
import { AdoptionStore } from '../store/AdoptionStore';

export const CATALOG_COLLECTOR = 'catalog-snapshot';

export async function snapshotCatalog(deps: {
  catalog: CatalogService;
  auth: AuthService;
  store: AdoptionStore;
  now?: Date;
}): Promise<number> {
  const day = (deps.now ?? new Date()).toISOString().slice(0, 10);
  try {
    const credentials = await deps.auth.getOwnServiceCredentials();
    const { items } = await deps.catalog.getEntities(
      { filter: { kind: 'Component' }, fields: ['kind', 'metadata', 'spec'] },
      { credentials },
    );
    const rows = items.map(entity => ({
      entityRef: stringifyEntityRef(entity),
      owner:
        typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined,
      type:
        typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
      sourceTemplate: sourceTemplate(entity as any),
    }));
    await deps.store.saveSnapshot(day, rows);
    await deps.store.recordRun(CATALOG_COLLECTOR);
    return rows.length;
  } catch (error) {
    await deps.store.recordRun(
      CATALOG_COLLECTOR,
      String((error as Error).message ?? error),
    );
    throw error;
  }
}
