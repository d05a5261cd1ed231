// Paved's backend: the feature list lives in backendFeatures.ts (shared with in-process tests).
// Configuration lives in app-config*.yaml.

import { createBackend } from '@backstage/backend-defaults';
import { backendFeatures } from './backendFeatures';

const backend = createBackend();
for (const feature of backendFeatures()) {
  backend.add(feature);
}
// A backend whose plugins failed to start would otherwise stay up answering 503 on readiness for
// ever; exiting lets Kubernetes restart it and shows the failure at once.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`Paved backend failed to start: ${error?.stack ?? error}`);
  process.exit(1);
});
