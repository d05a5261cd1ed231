// HTTP routes of the git host. Thin: validate, check the caller, ask the store or git, answer.
// Errors are thrown as @backstage/errors and mapped to status codes by the framework.
import { NotFoundError } from '@backstage/errors';
import { gitHostRepositoryCreatePermission } from '@internal/plugin-paved-common';
import { authorizeRequest, parseInput } from '@internal/plugin-paved-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { CREATE_REFUSAL, createGitRoutes, GitRoutesOptions } from './gitRoutes';
import { RepositoryInfo } from './RepositoryStore';
import { repositoryUrls } from './urls';

const createBody = z.object({
  owner: z.string(),
  name: z.string(),
  description: z.string().max(500).optional(),
  claim: z.string().max(200).optional(),
});

const commitsQuery = z.object({
  to: z.string({ error: 'give to=<commit or ref>' }),
  from: z.string().optional(),
});

export interface RouterOptions extends GitRoutesOptions {
  /** e.g. http://localhost:7007/api/git-host */
  externalBaseUrl: string;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, anonymousRead, externalBaseUrl } = options;
  const router = Router();

  const describe = (info: RepositoryInfo) => ({
    ...info,
    cloneUrl: repositoryUrls(externalBaseUrl, info.owner, info.name).cloneUrl,
    rawBaseUrl: `${externalBaseUrl}/${info.owner}/${info.name}/raw`,
  });
  const signedIn = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const existing = async (owner: string, name: string) => {
    if (!(await store.exists(owner, name)))
      throw new NotFoundError(`Repository ${owner}/${name} does not exist`);
  };

  // --- JSON API (always authenticated) ---
  router.use('/repositories', express.json({ limit: '16kb' }));

  router.get('/repositories', async (req, res) => {
    await signedIn(req);
    res.json({ items: (await store.list()).map(describe) });
  });

  router.post('/repositories', async (req, res) => {
    await authorizeRequest(options, req, gitHostRepositoryCreatePermission, {
      refusal: CREATE_REFUSAL,
    });
    const body = parseInput(createBody, req.body, 'repository request');
    const audit = await options.auditor.createEvent({
      eventId: 'repository-create',
      severityLevel: 'medium',
      request: req,
      meta: { repository: `${body.owner}/${body.name}` },
    });
    try {
      const { info, created } = await store.create(body);
      await audit.success({ meta: { created } });
      res.status(created ? 201 : 200).json({ ...describe(info), created });
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/repositories/:owner/:name', async (req, res) => {
    await signedIn(req);
    const info = await store.get(req.params.owner, req.params.name);
    if (!info)
      throw new NotFoundError(
        `Repository ${req.params.owner}/${req.params.name} does not exist`,
      );
    res.json(describe(info));
  });

  router.get('/repositories/:owner/:name/tree', async (req, res) => {
    await signedIn(req);
    const { owner, name } = req.params;
    await existing(owner, name);
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
    await signedIn(req);
    const { owner, name } = req.params;
    const range = parseInput(commitsQuery, req.query, 'commits query');
    await existing(owner, name);
    const commits = await store.commits(owner, name, range);
    if (!commits) {
      throw new NotFoundError(
        `${owner}/${name} has no commit ${range.to}${
          range.from ? ` or ${range.from}` : ''
        }`,
      );
    }
    res.json({ commits });
  });

  // --- git smart HTTP: /<owner>/<name>.git/... ---
  router.use(createGitRoutes(options));

  // --- raw files: /<owner>/<name>/raw/<ref>/<path> (and blob/, as the URL reader accepts) ---
  const rawFile = async (req: Request, res: express.Response) => {
    await httpAuth.credentials(req, {
      allow: anonymousRead ? ['user', 'service', 'none'] : ['user', 'service'],
    });
    const { owner, name } = req.params;
    await existing(owner, name);
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
    res.setHeader('content-length', String(file.size));
    res.setHeader('etag', `"${file.blob}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    await pipeline(file.open(), res);
  };
  router.get('/:owner/:name/raw/*', rawFile);
  router.get('/:owner/:name/blob/*', rawFile);

  return router;
}
