import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { workloadCostPermissions } from '@internal/plugin-workload-cost-common';
import { collectCosts } from './collector/collectCosts';
import { createRouter } from './router';
import { readCostSettings } from './settings';
import { CostStore } from './store/CostStore';

export const COLLECT_TASK_ID = 'workload-cost-collect';

/** Paved's workload costs: hourly samples in its own tables, served per service and per team. */
export const workloadCostPlugin = createBackendPlugin({
  pluginId: 'workload-cost',
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
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readCostSettings(deps.config);
        deps.permissionsRegistry.addPermissions(workloadCostPermissions);
        const store = await CostStore.create(deps.database);
        const every = settings.collectEveryMinutes;
        // A cron on the clock, not a period from start-up, so every UTC hour gets its pass; the
        // scheduler runs each pass on one replica only.
        await deps.scheduler.scheduleTask({
          id: COLLECT_TASK_ID,
          frequency: {
            cron: every === 60 ? '5 * * * *' : `*/${every} * * * *`,
          },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 30 },
          // The signal aborts at the task's timeout or shutdown; the pass stops its calls then.
          fn: async signal => {
            await collectCosts({ ...deps, settings, store, signal });
          },
        });
        deps.httpRouter.use(await createRouter({ ...deps, store, settings }));
      },
    });
  },
});
