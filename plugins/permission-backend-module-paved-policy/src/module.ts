import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readPavedPermissionsConfig } from './config';
import { PavedPermissionPolicy } from './PavedPermissionPolicy';
import { TeamTree } from './TeamTree';

/** Paved's permission policy, in place of allow-all. */
export const permissionModulePavedPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'paved-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, auth, userInfo, auditor, logger, catalog }) {
        const pavedConfig = readPavedPermissionsConfig(config);
        policy.setPolicy(
          new PavedPermissionPolicy({
            config: pavedConfig,
            teams: new TeamTree({ catalog, auth, logger }),
            userInfo,
            auditor,
          }),
        );
        logger.info(
          `Paved permission policy: platform team ${
            pavedConfig.platformTeam
          }, adoption and cost views for ${
            pavedConfig.viewers?.join(', ') ?? 'everyone signed in'
          }`,
        );
      },
    });
  },
});
