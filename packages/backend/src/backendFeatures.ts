// Paved's backend features, in one list so that index.ts and in-process tests (the security
// suite) start exactly the same backend. Configuration lives in app-config*.yaml.

import type { BackendFeature } from '@backstage/backend-plugin-api';
import { authModulePavedGuestProvider } from '@internal/plugin-auth-backend-module-paved-test-provider';
import { gitHostUrlReaderServiceFactory } from '@internal/plugin-git-host-backend';
import { productionStateGuardPlugin } from './production/productionStateGuard';
import { guardedSchedulerServiceFactory } from './scheduler/guardedSchedulerServiceFactory';

/** A feature as `backend.add(...)` accepts it: the feature itself or a dynamic import of it. */
export type BackendFeatureInput =
  | BackendFeature
  | Promise<{ default: BackendFeature }>;

/**
 * Returns the features of Paved's backend. A function, not a constant, so that every caller
 * (the real backend, each test backend) gets its own fresh imports.
 */
export function backendFeatures(): BackendFeatureInput[] {
  return [
    // production refuses state on one replica's disk (SQLite, TechDocs' default folder, ...)
    productionStateGuardPlugin,
    // the scheduler, with its run-now and cancel routes for the platform team only
    guardedSchedulerServiceFactory,

    import('@backstage/plugin-app-backend'),
    import('@backstage/plugin-proxy-backend'),

    // scaffolder plugin and its action modules (one list, shared with the template checks)
    import('./features/scaffolder'),

    // the embedded git host: the golden path's SCM on a fresh machine, readable by the catalog
    import('@internal/plugin-git-host-backend'),
    gitHostUrlReaderServiceFactory,

    // techdocs plugin
    import('@backstage/plugin-techdocs-backend'),

    // auth plugin
    import('@backstage/plugin-auth-backend'),
    // development guest and test sign-in: inert unless configured, refuse to start in production
    authModulePavedGuestProvider,
    import('@internal/plugin-auth-backend-module-paved-test-provider'),
    // GitHub sign-in, used by app-config.production.yaml
    import('@backstage/plugin-auth-backend-module-github-provider'),

    // catalog plugin
    import('@backstage/plugin-catalog-backend'),
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),

    // See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
    import('@backstage/plugin-catalog-backend-module-logs'),

    // permission plugin
    import('@backstage/plugin-permission-backend'),
    // who may do what: plugins/permission-backend-module-paved-policy/README.md
    import('@internal/plugin-permission-backend-module-paved-policy'),

    // search plugin
    import('@backstage/plugin-search-backend'),

    // search engine
    // See https://backstage.io/docs/features/search/search-engines
    import('@backstage/plugin-search-backend-module-pg'),

    // search collators
    import('@backstage/plugin-search-backend-module-catalog'),
    import('@backstage/plugin-search-backend-module-techdocs'),

    // kubernetes plugin
    import('@backstage/plugin-kubernetes-backend'),

    // user settings plugin
    import('@backstage/plugin-user-settings-backend'),

    // notifications and signals plugins
    import('@backstage/plugin-notifications-backend'),
    import('@backstage/plugin-signals-backend'),

    // adoption metrics: catalog snapshots and Argo CD deploy history, kept for good
    import('@internal/plugin-adoption-metrics-backend'),

    // workload costs per service and team, Cost Insights-shaped
    import('@internal/plugin-workload-cost-backend'),

    // mcp actions plugin
    import('@backstage/plugin-mcp-actions-backend'),
  ];
}
