import { createPermission } from '@backstage/plugin-permission-common';

/** Reading the adoption metrics (the dashboard, the cards, the API). */
export const adoptionMetricsReadPermission = createPermission({
  name: 'adoption.metrics.read',
  attributes: { action: 'read' },
});
