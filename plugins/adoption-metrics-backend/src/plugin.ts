import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { adoptionMetricsPermissions } from '@internal/plugin-adoption-metrics-common';
import { runCollectionPass } from './collectors/collectionPass';
import { addPeopleRoutes } from './people/addPeopleRoutes';
import { pseudonymSaltSource } from './people/pseudonymSalt';
import { createRouter } from './router';
import { readAdoptionSettings } from './settings';
import { AdoptionStore } from './store/AdoptionStore';

/** Paved's adoption metrics: collects into its own tables, serves the metrics. */
export const adoptionMetricsPlugin = createBackendPlugin({
  pluginId: 'adoption-metrics',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readAdoptionSettings(deps.config);
        // Before anything else: a production backend without the salt does not start.
        const pseudonymSalt = pseudonymSaltSource({
          configuredSalt: settings.pseudonymSalt,
          logger: deps.logger,
          nodeEnv: process.env.NODE_ENV,
        });
        // So the policy and RBAC tools know them.
        deps.permissionsRegistry.addPermissions(adoptionMetricsPermissions);
        const store = await AdoptionStore.create(deps.database);
        // The scheduler runs each pass on one replica only.
        await deps.scheduler.scheduleTask({
          id: 'adoption-metrics-collect',
          frequency: { minutes: settings.collectEveryMinutes },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          // The scheduler aborts the signal at the timeout; every outbound call and every page
          // or item loop of the pass stops with it.
          fn: async signal => {
            await runCollectionPass({ ...deps, store, signal });
          },
        });
        const router = await createRouter({ ...deps, store, settings });
        // Portal use (POST /events, GET /usage) and the survey (/survey...).
        await addPeopleRoutes(router, { ...deps, settings, pseudonymSalt });
        deps.httpRouter.use(router);
      },
    });
  },
});
