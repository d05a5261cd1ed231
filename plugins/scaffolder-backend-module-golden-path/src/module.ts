import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { goldenPathPermissions } from '@internal/plugin-paved-common';
import { readGoldenPathConfig } from './config/goldenPathConfig';
import { GitOpsRepository } from './gitops/GitOpsRepository';
import { ArgoRefresh } from './gitops/ArgoRefresh';
import { ManifestDelivery } from './gitops/ManifestDelivery';
import { createManifestApplier } from '@internal/plugin-kubernetes-access-node';
import { createRepositoryHost } from './scm/createRepositoryHost';
import {
  createArgoApplicationAction,
  createCatalogRegisterAction,
  createCrossplaneClaimAction,
  createPreflightAction,
  createRepositoryAction,
  GoldenPathServices,
} from './actions';

/**
 * The golden-path actions: preflight, repository, Argo CD application, Crossplane claim and
 * catalog registration, configured by `paved.goldenPath`.
 */
export const scaffolderModuleGoldenPath = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-path',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
      },
      async init({
        scaffolder,
        config,
        logger,
        discovery,
        auth,
        catalog,
        permissions,
        permissionsRegistry,
        auditor,
      }) {
        // So the policy and RBAC tools know the golden path's permissions.
        permissionsRegistry.addPermissions(goldenPathPermissions);
        const goldenPath = readGoldenPathConfig(config);
        const repositories = await createRepositoryHost({
          goldenPath,
          config,
          discovery,
          auth,
        });
        const gitops = new GitOpsRepository(repositories, goldenPath);
        const applier = createManifestApplier({ config, logger });
        const delivery = new ManifestDelivery(
          goldenPath.delivery.mode,
          gitops,
          applier,
          new ArgoRefresh(goldenPath, applier, logger),
        );
        const services: GoldenPathServices = {
          config: goldenPath,
          repositories,
          gitops,
          delivery,
          catalog,
          auth,
          permissions,
          auditor,
        };
        logger.info(
          `Golden path: repositories on ${repositories.title}, ${goldenPath.delivery.mode} delivery`,
        );
        scaffolder.addActions(
          createPreflightAction(services),
          createRepositoryAction(services),
          createCrossplaneClaimAction(services),
          createArgoApplicationAction(services),
          createCatalogRegisterAction(services),
        );
      },
    });
  },
});
