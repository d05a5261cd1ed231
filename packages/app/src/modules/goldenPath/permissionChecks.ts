// The questions the Create form asks the permission backend. The app's permission API batches
// checks made in the same tick into one request, so asking once per team costs one round trip.
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogApi } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionApi } from '@backstage/plugin-permission-react';
import {
  goldenPathComponentChangePermission,
  goldenPathServiceCreatePermission,
} from '@internal/plugin-paved-common';
import { componentChangeRefusal } from './refusals';

const PICKER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
  'spec.owner',
];

/** What a picker shows for an entity: its title, else its display name, else its name. */
export function entityTitle(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return entity.metadata.title ?? profile?.displayName ?? entity.metadata.name;
}

const byTitle = (a: Entity, b: Entity) =>
  entityTitle(a).localeCompare(entityTitle(b));

export async function mayCreateServiceFor(
  permissionApi: PermissionApi,
  groupRef: string,
): Promise<boolean> {
  const { result } = await permissionApi.authorize({
    permission: goldenPathServiceCreatePermission,
    resourceRef: groupRef,
  });
  return result === AuthorizeResult.ALLOW;
}

/** The Groups the signed-in person may create a service for, by title. */
export async function teamsYouMayCreateFor(
  catalogApi: CatalogApi,
  permissionApi: PermissionApi,
): Promise<Entity[]> {
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Group' },
    fields: PICKER_FIELDS,
  });
  const allowed = await Promise.all(
    items.map(group =>
      mayCreateServiceFor(permissionApi, stringifyEntityRef(group)),
    ),
  );
  return items.filter((_, i) => allowed[i]).sort(byTitle);
}

/** Every Component in the catalog, by title: the picker offers them all and refuses per choice. */
export async function listComponents(
  catalogApi: CatalogApi,
): Promise<Entity[]> {
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Component' },
    fields: PICKER_FIELDS,
  });
  return items.sort(byTitle);
}

/**
 * Undefined when the person may change the component; otherwise the refusal to show, which names
 * the owning team.
 */
export async function componentChangeRefusalFor(
  apis: { catalogApi: CatalogApi; permissionApi: PermissionApi },
  componentRef: string,
  action: string,
): Promise<string | undefined> {
  const { result } = await apis.permissionApi.authorize({
    permission: goldenPathComponentChangePermission,
    resourceRef: componentRef,
  });
  if (result === AuthorizeResult.ALLOW) return undefined;
  const entity = await apis.catalogApi.getEntityByRef(componentRef);
  const componentName = parseEntityRef(componentRef).name;
  if (!entity) {
    return `${componentName} is not in the catalog: pick a service from the list.`;
  }
  const owner = entity.spec?.owner;
  return componentChangeRefusal({
    action,
    componentName,
    ownerRef:
      typeof owner === 'string'
        ? stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          )
        : undefined,
  });
}
