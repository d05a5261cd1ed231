import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  gitHostPermissions,
  gitHostRepositoryPushPermission,
} from '@internal/plugin-paved-common';
import {
  describeProductionSignals,
  runsInProduction,
} from '@internal/plugin-paved-node';
import { promises as fs } from 'node:fs';
import { readGitHostConfig } from './config';
import {
  gitHostRepositoryResourceRef,
  gitHostRepositoryRules,
  repositoryResources,
} from './permissions';
import { RepositoryStore } from './RepositoryStore';
import { createRouter } from './router';
import { assertGitAvailable } from './runGit';

/**
 * The embedded git host: bare repositories under `gitHost.directory`, served over git's smart
 * HTTP protocol (by `git http-backend`) behind Backstage auth and permissions, with raw-file reads.
 * Off in production (NODE_ENV or auth.environment `production`).
 */
export const gitHostPlugin = createBackendPlugin({
  pluginId: 'git-host',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
      },
      async init({ config, logger, httpRouter, discovery, ...services }) {
        // Its repositories live on this replica's disk, which other replicas do not share; a
        // production backend publishes to a real SCM (the golden path refuses to start without
        // one), so the host stays off there: no routes, no directory.
        if (runsInProduction(config)) {
          logger.info(
            `The embedded git host is off: this backend runs in production (${describeProductionSignals(
              config,
            )}), where repositories live on the SCM of paved.goldenPath.scm`,
          );
          return;
        }
        const settings = readGitHostConfig(config);
        await assertGitAvailable();
        await fs.mkdir(settings.directory, { recursive: true });
        logger.info(
          `Repositories in ${settings.directory}${
            settings.directoryConfigured
              ? ''
              : ' (gitHost.directory not set: the default)'
          }; anonymous reads ${settings.anonymousRead ? 'allowed' : 'refused'}`,
        );
        services.permissionsRegistry.addPermissions(gitHostPermissions);
        services.permissionsRegistry.addResourceType({
          resourceRef: gitHostRepositoryResourceRef,
          permissions: [gitHostRepositoryPushPermission],
          rules: Object.values(gitHostRepositoryRules),
          getResources: repositoryResources(
            settings.automationOnlyRepositories,
          ),
        });
        if (settings.anonymousRead) {
          // Reads (clone, fetch, raw files) are open; every handler still demands credentials
          // for the JSON API and for pushes.
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        }
        httpRouter.use(
          await createRouter({
            ...services,
            logger,
            store: new RepositoryStore(settings.directory, {
              timeoutMs: settings.gitTimeoutMs,
              maxBlobSizeBytes: settings.maxBlobSizeBytes,
            }),
            anonymousRead: settings.anonymousRead,
            automationOnlyRepositories: settings.automationOnlyRepositories,
            maxPushSizeBytes: settings.maxPushSizeBytes,
            timeoutMs: settings.gitTimeoutMs,
            externalBaseUrl: await discovery.getExternalBaseUrl('git-host'),
          }),
        );
      },
    });
  },
});
