import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { readGitHostConfig } from './config';
import { RepositoryStore } from './RepositoryStore';
import { createRouter } from './router';
import { assertGitAvailable } from './runGit';

/**
 * The embedded git host: bare repositories under `gitHost.directory`, served over git's smart
 * HTTP protocol (by `git http-backend`) behind Backstage auth, with raw-file reads.
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
      },
      async init({ config, logger, httpRouter, httpAuth, discovery }) {
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
        if (settings.anonymousRead) {
          // Reads (clone, fetch, raw files) are open; every handler still demands credentials
          // for the JSON API and for pushes.
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        }
        httpRouter.use(
          await createRouter({
            store: new RepositoryStore(settings.directory),
            httpAuth,
            anonymousRead: settings.anonymousRead,
            externalBaseUrl: await discovery.getExternalBaseUrl('git-host'),
          }),
        );
      },
    });
  },
});
