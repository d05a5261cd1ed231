import { createPermission } from '@backstage/plugin-permission-common';

/** Reading workload and claim costs (the entity card, the team page, the API). */
export const workloadCostReadPermission = createPermission({
  name: 'workload-cost.read',
  attributes: { action: 'read' },
});

/** Every permission of the workload-cost plugin, for the permission backend to list. */
export const workloadCostPermissions = [workloadCostReadPermission];
