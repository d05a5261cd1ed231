// git smart HTTP: /<owner>/<name>.git/info/refs, git-upload-pack (clone, fetch) and
// git-receive-pack (push). Reads follow gitHost.anonymousRead; a push always needs credentials
// and git-host.repository.push on `owner/name`, decided by the policy for the caller's own
// credentials. Errors are plain text, which git prints to the person as `remote: ...`.
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { isError, NotFoundError } from '@backstage/errors';
import {
  gitHostRepositoryCreatePermission,
  gitHostRepositoryPushPermission,
} from '@internal/plugin-paved-common';
import { authorizeCredentials, principalOf } from '@internal/plugin-paved-node';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { sendGitError, serveGitHttp } from './gitHttpBackend';
import { RepositoryStore } from './RepositoryStore';

export const CREATE_REFUSAL =
  'Repositories are created by the golden path (Create in the portal); people cannot create them directly';

export interface GitRoutesOptions {
  store: RepositoryStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  anonymousRead: boolean;
  automationOnlyRepositories: string[];
  maxPushSizeBytes: number;
  timeoutMs: number;
}

export function pushRefusal(ref: string, automationOnly: boolean) {
  return automationOnly
    ? `You may not push to ${ref}: only the golden path writes it; make the change through the portal`
    : `You may not push to ${ref}: only members of team ${
        ref.split('/')[0]
      } (and the platform team) push to it`;
}

export function createGitRoutes(options: GitRoutesOptions): express.Router {
  const { store, httpAuth, anonymousRead } = options;
  const automationOnly = new Set(options.automationOnlyRepositories);
  const router = Router();

  /** The pusher's credentials once the policy allows this push; throws otherwise. */
  async function authorizePush(req: Request, owner: string, name: string) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = `${owner}/${name}`;
    if (!(await store.exists(owner, name))) {
      // A push never creates a repository; who could not create it anyway is told why.
      await authorizeCredentials(
        options,
        credentials,
        gitHostRepositoryCreatePermission,
        { refusal: CREATE_REFUSAL },
      );
      throw new NotFoundError(
        `Repository ${ref} does not exist; repositories are created through POST /repositories, never by a push`,
      );
    }
    await authorizeCredentials(
      options,
      credentials,
      gitHostRepositoryPushPermission,
      { resourceRef: ref, refusal: pushRefusal(ref, automationOnly.has(ref)) },
    );
    return credentials;
  }

  async function readCredentials(req: Request, owner: string, name: string) {
    const credentials = await httpAuth.credentials(req, {
      allow: anonymousRead ? ['user', 'service', 'none'] : ['user', 'service'],
    });
    if (!(await store.exists(owner, name)))
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
    return credentials;
  }

  async function serve(req: Request, res: Response, servicePath: string) {
    const { owner, repo } = req.params;
    if (!repo.endsWith('.git'))
      throw new NotFoundError('Clone URLs end in .git');
    const name = repo.slice(0, -4);
    store.gitDir(owner, name); // InputError for a name the host would never create
    const pushing =
      servicePath === 'git-receive-pack' ||
      req.query.service === 'git-receive-pack';
    const credentials = pushing
      ? await authorizePush(req, owner, name)
      : await readCredentials(req, owner, name);
    const who = principalOf(credentials);
    const remoteUser = who === 'none' ? undefined : who;
    const audit =
      servicePath === 'git-receive-pack'
        ? await options.auditor.createEvent({
            eventId: 'repository-push',
            severityLevel: 'medium',
            request: req,
            meta: { repository: `${owner}/${name}` },
          })
        : undefined;
    const outcome = await serveGitHttp(req, res, {
      projectRoot: store.root,
      pathInfo: `/${owner}/${name}.git/${servicePath}`,
      remoteUser,
      maxBodyBytes: options.maxPushSizeBytes,
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    });
    if (outcome.result === 'exited' && outcome.exitCode === 0)
      await audit?.success({ meta: { result: 'git-exited-0' } });
    else
      await audit?.fail({
        meta: { result: outcome.result },
        error: new Error(`git receive-pack ended: ${outcome.result}`),
      });
  }

  const handle =
    (servicePath: string) => async (req: Request, res: Response) => {
      try {
        await serve(req, res, servicePath);
      } catch (error) {
        const status = isError(error) ? statusOf(error.name) : 500;
        if (res.headersSent || status >= 500 || status === 401) throw error;
        sendGitError(res, status, (error as Error).message);
      }
    };
  router.get('/:owner/:repo/info/refs', handle('info/refs'));
  router.post('/:owner/:repo/git-upload-pack', handle('git-upload-pack'));
  router.post('/:owner/:repo/git-receive-pack', handle('git-receive-pack'));
  return router;
}

function statusOf(name: string) {
  switch (name) {
    case 'InputError':
      return 400;
    case 'AuthenticationError':
      return 401;
    case 'NotAllowedError':
      return 403;
    case 'NotFoundError':
      return 404;
    default:
      return 500;
  }
}
