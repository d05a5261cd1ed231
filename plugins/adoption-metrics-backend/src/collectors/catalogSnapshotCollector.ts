// Snapshots the catalog's services once a pass (the catalog keeps no history): owner, type, the
// template each was made from and when the golden path made it, under today's UTC day. Also keeps
// the group tree, so a team filter can include sub-teams.
import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
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
      createdAt: validTime(
        entity.metadata.annotations?.['paved.dev/created-at'],
      ),
    }));
    const groups = await deps.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata', 'spec.parent'],
      },
      { credentials },
    );
    await deps.store.groups.replace(
      groups.items.map(group => ({
        ref: stringifyEntityRef(group),
        title: group.metadata.title,
        parent:
          typeof group.spec?.parent === 'string'
            ? stringifyEntityRef(
                parseEntityRef(group.spec.parent, {
                  defaultKind: 'group',
                  defaultNamespace: group.metadata.namespace,
                }),
              )
            : undefined,
      })),
    );
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

function validTime(value?: string): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
