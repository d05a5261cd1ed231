// HTTP routes of the git host. Thin: validate, ask the store or git, answer. Errors are thrown
// as @backstage/errors and mapped to status codes by the framework.
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { serveGitHttp } from './gitHttpBackend';
import { RepositoryInfo, RepositoryStore } from './RepositoryStore';
import { repositoryUrls } from './urls';

const createBody = z.object({
  owner: z.string(),
  name: z.string(),
  description: z.string().max(500).optional(),
  claim: z.string().max(200).optional(),
});

export interface RouterOptions {
  store: RepositoryStore;
  httpAuth: HttpAuthService;
  anonymousRead: boolean;
  /** e.g. http://localhost:7007/api/git-host */
  externalBaseUrl: string;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, anonymousRead, externalBaseUrl } = options;
  const router = Router();

  const describe = (info: RepositoryInfo) => {
    const urls = repositoryUrls(externalBaseUrl, info.owner, info.name);
    return {
      ...info,
      cloneUrl: urls.cloneUrl,
      rawBaseUrl: `${externalBaseUrl}/${info.owner}/${info.name}/raw`,
    };
  };

  /** Who is calling; anonymous callers only where reads are open and only for reads. */
  async function caller(req: Request, access: 'read' | 'write') {
    const credentials = await httpAuth.credentials(req, {
      allow:
        anonymousRead && access === 'read'
          ? ['user', 'service', 'none']
          : ['user', 'service'],
    });
    const { principal } = credentials;
    if (principal.type === 'user') return principal.userEntityRef;
    if (principal.type === 'service') return principal.subject;
    return undefined;
  }

  // --- JSON API (always authenticated) ---
  router.use('/repositories', express.json({ limit: '16kb' }));

  router.get('/repositories', async (req, res) => {
    await caller(req, 'write');
    res.json({ items: (await store.list()).map(describe) });
  });

  router.post('/repositories', async (req, res) => {
    await caller(req, 'write');
    const parsed = createBody.safeParse(req.body);
    if (!parsed.success) {
      throw new InputError(
        `Invalid repository request: ${parsed.error.issues
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}; send {"owner", "name", "description"?, "claim"?}`,
      );
    }
    const { info, created } = await store.create(parsed.data);
    res.status(created ? 201 : 200).json({ ...describe(info), created });
  });

  router.get('/repositories/:owner/:name', async (req, res) => {
    await caller(req, 'write');
    const info = await store.get(req.params.owner, req.params.name);
    if (!info)
      throw new NotFoundError(
        `Repository ${req.params.owner}/${req.params.name} does not exist`,
      );
    res.json(describe(info));
  });

  router.get('/repositories/:owner/:name/tree', async (req, res) => {
    await caller(req, 'write');
    const { owner, name } = req.params;
    if (!(await store.exists(owner, name))) {
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
    }
    const ref = typeof req.query.ref === 'string' ? req.query.ref : 'main';
    const commit = await store.resolveRef(owner, name, ref);
    if (!commit)
      throw new NotFoundError(
        `${owner}/${name} has no branch, tag or commit ${ref}`,
      );
    res.json({
      ref,
      commit,
      files: await store.listFiles(owner, name, commit),
    });
  });

  // What a deploy brought (adoption metrics' lead time): ?to=<rev>[&from=<rev>].
  router.get('/repositories/:owner/:name/commits', async (req, res) => {
    await caller(req, 'write');
    const { owner, name } = req.params;
    const { to, from } = req.query;
    if (
      typeof to !== 'string' ||
      (from !== undefined && typeof from !== 'string')
    ) {
      throw new InputError(
        'Give to=<commit or ref> and optionally from=<commit or ref>',
      );
    }
    if (!(await store.exists(owner, name))) {
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
    }
    const commits = await store.commits(owner, name, { to, from });
    if (!commits) {
      throw new NotFoundError(
        `${owner}/${name} has no commit ${to}${from ? ` or ${from}` : ''}`,
      );
    }
    res.json({ commits });
  });

  // --- git smart HTTP: /<owner>/<name>.git/... ---
  const gitService = async (
    req: Request,
    res: express.Response,
    servicePath: string,
  ) => {
    const { owner } = req.params;
    const repo = req.params.repo;
    if (!repo.endsWith('.git'))
      throw new NotFoundError('Clone URLs end in .git');
    const name = repo.slice(0, -4);
    const pushing =
      servicePath === 'git-receive-pack' ||
      req.query.service === 'git-receive-pack';
    const user = await caller(req, pushing ? 'write' : 'read');
    if (pushing && !user)
      throw new NotAllowedError('Pushing needs Backstage credentials');
    // Repositories are created through the API only, never by a push.
    if (!(await store.exists(owner, name))) {
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
    }
    serveGitHttp(req, res, {
      projectRoot: store.root,
      pathInfo: `/${owner}/${name}.git/${servicePath}`,
      remoteUser: user,
    });
  };
  router.get('/:owner/:repo/info/refs', (req, res) =>
    gitService(req, res, 'info/refs'),
  );
  router.post('/:owner/:repo/git-upload-pack', (req, res) =>
    gitService(req, res, 'git-upload-pack'),
  );
  router.post('/:owner/:repo/git-receive-pack', (req, res) =>
    gitService(req, res, 'git-receive-pack'),
  );

  // --- raw files: /<owner>/<name>/raw/<ref>/<path> (and blob/, as the URL reader accepts) ---
  const rawFile = async (req: Request, res: express.Response) => {
    await caller(req, 'read');
    const { owner, name } = req.params;
    if (!(await store.exists(owner, name))) {
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
    }
    const { commit, path } = await store.splitRefAndPath(
      owner,
      name,
      req.params[0],
      true,
    );
    const file = await store.readFile(owner, name, commit, path);
    if (!file)
      throw new NotFoundError(
        `${owner}/${name} has no file ${path} at ${commit.slice(0, 8)}`,
      );
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('etag', `"${file.blob}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(file.content);
  };
  router.get('/:owner/:name/raw/*', rawFile);
  router.get('/:owner/:name/blob/*', rawFile);

  return router;
}
