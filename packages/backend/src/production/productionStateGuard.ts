// Stops a production backend at start-up when its configuration keeps state on one replica's
// disk (productionState.ts says which and what to set instead).
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { assertNoLocalStateInProduction } from './productionState';

export const productionStateGuardPlugin = createBackendPlugin({
  pluginId: 'paved-production-guard',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        assertNoLocalStateInProduction(config);
      },
    });
  },
});
