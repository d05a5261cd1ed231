// Paved's backend: the feature list lives in backendFeatures.ts (shared with in-process tests).
// Configuration lives in app-config*.yaml.

import { createBackend } from '@backstage/backend-defaults';
import { backendFeatures } from './backendFeatures';
import { acquireStartupLock } from './production/startupLock';

async function main() {
  // One replica starts (and migrates) at a time on a shared PostgreSQL.
  const releaseStartupLock = await acquireStartupLock();
  const backend = createBackend();
  for (const feature of backendFeatures()) {
    backend.add(feature);
  }
  try {
    await backend.start();
  } catch (error) {
    // A backend whose plugins failed to start would otherwise stay up answering 503 on readiness
    // for ever; exiting lets Kubernetes restart it and shows the failure at once.
    // eslint-disable-next-line no-console
    console.error(
      `Paved backend failed to start: ${(error as Error)?.stack ?? error}`,
    );
    await releaseStartupLock();
    process.exit(1);
  }
  await releaseStartupLock();
}

main();
