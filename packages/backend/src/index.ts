// Paved's backend: the feature list lives in backendFeatures.ts (shared with in-process tests).
// Configuration lives in app-config*.yaml.

import { createBackend } from '@backstage/backend-defaults';
import { backendFeatures } from './backendFeatures';

const backend = createBackend();
for (const feature of backendFeatures()) {
  backend.add(feature);
}
backend.start();
