// The git host over real HTTP with the real git CLI: create through the API, push, clone, read.
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { gitHostPlugin } from './plugin';
import { gitHostReaderFactory } from './urlReader';

jest.setTimeout(60_000);

const run = promisify(execFile);
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

async function git(cwd: string, args: string[], authorization?: string) {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...(authorization
      ? {
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraHeader',
          GIT_CONFIG_VALUE_0: `Authorization: ${authorization}`,
        }
      : {}),
  };
  return (await run('git', args, { cwd, env })).stdout;
}

/** A new local repository with one commit of the given files. */
async function commitFiles(files: Record<string, string>) {
  const work = tmp('git-work-');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), content);
  }
  await git(work, ['init', '-q', '-b', 'main']);
  await git(work, ['add', '.']);
  await git(work, ['commit', '-q', '-m', 'first']);
  return work;
}

async function startGitHost(anonymousRead: boolean) {
  const directory = tmp('git-host-');
  const backend = await startTestBackend({
    features: [
      gitHostPlugin,
      mockServices.rootConfig.factory({
        data: { gitHost: { directory, anonymousRead } },
      }),
      // A request without a token is anonymous, as in the portal (the mock defaults to a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return { backend, directory, base: `http://localhost:${port}/api/git-host` };
}

const user = mockCredentials.user.header();

describe('git host with anonymous reads', () => {
  let host: Awaited<ReturnType<typeof startGitHost>>;
  beforeAll(async () => {
    host = await startGitHost(true);
  });
  afterAll(() => host.backend.stop());
  const api = () => request(host.backend.server);

  it('creates a repository once; the same claim gets it back, any other is a conflict', async () => {
    const body = {
      owner: 'checkout',
      name: 'orders-api',
      description: 'Orders',
      claim: 'task-1',
    };
    const created = await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      owner: 'checkout',
      name: 'orders-api',
      description: 'Orders',
      cloneUrl: expect.stringMatching(
        /\/api\/git-host\/checkout\/orders-api\.git$/,
      ),
      defaultBranch: 'main',
      empty: true,
      created: true,
    });
    const again = await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const other = await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send({ ...body, claim: 'task-2' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(
      /Repository checkout\/orders-api already exists; choose another name/,
    );
  });

  it.each([
    [{ owner: '..', name: 'x' }, /must not contain '\.\.'/],
    [{ owner: 'team', name: 'x.git' }, /must not end with '\.git'/],
    [{ owner: 'team' }, /Invalid repository request: name/],
  ])('refuses %j with the reason', async (body, message) => {
    const res = await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('keeps the JSON API closed to anonymous callers', async () => {
    expect((await api().get('/api/git-host/repositories')).status).toBe(401);
    expect(
      (
        await api()
          .post('/api/git-host/repositories')
          .send({ owner: 'x', name: 'yyyy' })
      ).status,
    ).toBe(401);
  });

  it('takes a push with credentials, serves clones and raw files anonymously', async () => {
    await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send({ owner: 'checkout', name: 'cart' });
    const work = await commitFiles({
      'catalog-info.yaml': 'kind: Component\n',
      'k8s/deployment.yaml': 'kind: Deployment\n',
    });
    await git(
      work,
      ['push', '-q', `${host.base}/checkout/cart.git`, 'main'],
      user,
    );

    const clone = tmp('git-clone-');
    await git(clone, ['clone', '-q', `${host.base}/checkout/cart.git`, 'cart']);
    expect(
      fs.readFileSync(
        path.join(clone, 'cart', 'k8s', 'deployment.yaml'),
        'utf8',
      ),
    ).toBe('kind: Deployment\n');

    const raw = await api().get(
      '/api/git-host/checkout/cart/raw/main/catalog-info.yaml',
    );
    expect(raw.status).toBe(200);
    expect(raw.text).toBe('kind: Component\n');
    expect(
      (await api().get('/api/git-host/checkout/cart/raw/main/nope.yaml'))
        .status,
    ).toBe(404);

    const tree = await api()
      .get('/api/git-host/repositories/checkout/cart/tree?ref=main')
      .set('authorization', user);
    expect(tree.body.files).toEqual([
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ]);
  });

  it('lists what a deploy brought: the commits between two revisions, with their times', async () => {
    await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send({ owner: 'checkout', name: 'timed' });
    const work = await commitFiles({ 'a.txt': 'a' });
    const commitAt = async (message: string, time: string) => {
      fs.writeFileSync(path.join(work, 'a.txt'), message);
      await run('git', ['commit', '-q', '-am', message], {
        cwd: work,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.com',
          GIT_COMMITTER_DATE: time,
          GIT_AUTHOR_DATE: time,
        },
      });
      return (await git(work, ['rev-parse', 'HEAD'])).trim();
    };
    const first = (await git(work, ['rev-parse', 'HEAD'])).trim();
    await commitAt('b', '2026-11-10T08:00:00+01:00');
    const third = await commitAt('c', '2026-11-10T09:30:00Z');
    await git(
      work,
      ['push', '-q', `${host.base}/checkout/timed.git`, 'main'],
      user,
    );

    const brought = await api()
      .get(
        `/api/git-host/repositories/checkout/timed/commits?from=${first}&to=${third}`,
      )
      .set('authorization', user);
    expect(brought.status).toBe(200);
    expect(brought.body.commits.map((c: any) => c.committedAt)).toEqual([
      '2026-11-10T09:30:00.000Z',
      '2026-11-10T07:00:00.000Z',
    ]);
    const alone = await api()
      .get(`/api/git-host/repositories/checkout/timed/commits?to=${third}`)
      .set('authorization', user);
    expect(alone.body.commits).toEqual([
      { sha: third, committedAt: '2026-11-10T09:30:00.000Z' },
    ]);
    const unknown = await api()
      .get('/api/git-host/repositories/checkout/timed/commits?to=deadbeef')
      .set('authorization', user);
    expect(unknown.status).toBe(404);
    const bad = await api()
      .get('/api/git-host/repositories/checkout/timed/commits')
      .set('authorization', user);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/to: give to=/);
  });

  it('refuses an anonymous push', async () => {
    await api()
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send({ owner: 'checkout', name: 'anon' });
    const work = await commitFiles({ 'a.txt': 'a' });
    await expect(
      git(work, ['push', '-q', `${host.base}/checkout/anon.git`, 'main']),
    ).rejects.toThrow(/401|Authentication|could not read/i);
    const info = await api()
      .get('/api/git-host/repositories/checkout/anon')
      .set('authorization', user);
    expect(info.body.empty).toBe(true);
  });

  it('never creates a repository by a push', async () => {
    const work = await commitFiles({ 'a.txt': 'a' });
    await expect(
      git(
        work,
        ['push', '-q', `${host.base}/checkout/ghost.git`, 'main'],
        user,
      ),
    ).rejects.toThrow();
    expect(
      fs.existsSync(path.join(host.directory, 'checkout', 'ghost.git')),
    ).toBe(false);
  });

  it('does not let a name escape the directory', async () => {
    for (const url of [
      '/api/git-host/%2e%2e/x.git/info/refs?service=git-upload-pack',
      '/api/git-host/checkout/..%2f..%2fetc/raw/main/passwd',
      '/api/git-host/checkout/cart/raw/main/..%2f..%2fconfig',
      '/api/git-host/checkout/cart/raw/--output=x/catalog-info.yaml',
    ]) {
      const res = await api().get(url);
      expect([400, 404]).toContain(res.status);
    }
  });

  it('lets the URL reader read files and trees', async () => {
    const reader = gitHostReaderFactory({
      config: new ConfigReader({
        backend: { baseUrl: host.base.replace(/\/api\/git-host$/, '') },
        gitHost: { directory: host.directory },
      }),
      logger: mockServices.logger.mock(),
      treeResponseFactory: {
        fromTarArchive: jest.fn(async (options: any) => options),
      } as unknown as ReadTreeResponseFactory,
    })[0];
    const url = `${host.base}/checkout/cart/blob/main/catalog-info.yaml`;
    expect(reader.predicate(new URL(url))).toBe(true);
    const file = await reader.reader.readUrl(url);
    expect((await file.buffer()).toString()).toBe('kind: Component\n');
    await expect(
      reader.reader.readUrl(url, { etag: file.etag }),
    ).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
    const search = await reader.reader.search(url);
    expect(search.files.map(f => f.url)).toEqual([url]);
    const tree: any = await reader.reader.readTree(
      `${host.base}/checkout/cart/tree/main/k8s`,
    );
    expect(tree.subpath).toBe('k8s');
    // How TechDocs asks for the folder of a catalog-info.yaml (dir:.).
    const docs: any = await reader.reader.readTree(
      `${host.base}/checkout/cart/blob/main/`,
    );
    expect(docs.subpath).toBe('');
  });
});

describe('git host without anonymous reads', () => {
  it('refuses an anonymous clone', async () => {
    const host = await startGitHost(false);
    try {
      await request(host.backend.server)
        .post('/api/git-host/repositories')
        .set('authorization', user)
        .send({ owner: 'checkout', name: 'private' });
      const res = await request(host.backend.server).get(
        '/api/git-host/checkout/private.git/info/refs?service=git-upload-pack',
      );
      expect(res.status).toBe(401);
    } finally {
      await host.backend.stop();
    }
  });
});
