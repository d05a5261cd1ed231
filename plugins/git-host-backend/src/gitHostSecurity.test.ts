// The git host's defences, through HTTP against the plugin in a backend with the real git CLI:
// option injection, permissions on create and push, history that cannot be rewritten, limits,
// and what a git child (and a caller) gets to see.
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';
import { ConfigReader, JsonObject } from '@backstage/config';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  commitFiles,
  git,
  gitFails,
  installHook,
  run,
  tmp,
} from './gitTestUtils';
import { gitHostPlugin } from './plugin';
import { RepositoryStore } from './RepositoryStore';
import { gitHostReaderFactory } from './urlReader';

jest.setTimeout(60_000);

const user = mockCredentials.user.header();
const service = mockCredentials.service.header();

/** A policy stub: push and create are decided per request by `decide`. */
type Decide = (permission: string, resourceRef?: string) => AuthorizeResult;

async function startGitHost(
  gitHost: JsonObject = {},
  decide: Decide = () => AuthorizeResult.ALLOW,
) {
  const directory = tmp('git-host-');
  const calls: Array<{ permission: string; resourceRef?: string; who: any }> =
    [];
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map((r: any) => {
        const resourceRef = isResourcePermission(r.permission)
          ? r.resourceRef
          : undefined;
        calls.push({
          permission: r.permission.name,
          resourceRef,
          who: (options?.credentials as any)?.principal,
        });
        return { result: decide(r.permission.name, resourceRef) } as any;
      }),
  });
  const logger = mockServices.logger.mock();
  const audits: Array<{ eventId: string; meta: any; outcome?: any }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const audit: (typeof audits)[number] = { eventId, meta };
      audits.push(audit);
      return {
        success: async options => {
          audit.outcome = { success: options?.meta ?? {} };
        },
        fail: async options => {
          audit.outcome = { fail: options.error.message };
        },
      };
    },
  });
  const backend = await startTestBackend({
    features: [
      gitHostPlugin,
      permissions.factory,
      logger.factory,
      auditor.factory,
      mockServices.rootConfig.factory({
        data: { gitHost: { directory, anonymousRead: true, ...gitHost } },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const base = `http://localhost:${port}/api/git-host`;
  const create = (owner: string, name: string) =>
    request(backend.server)
      .post('/api/git-host/repositories')
      .set('authorization', service)
      .send({ owner, name });
  return { backend, directory, base, calls, logger, audits, create };
}

type Host = Awaited<ReturnType<typeof startGitHost>>;

describe('git host: option injection', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startGitHost();
    await host.create('checkout', 'cart');
    const work = await commitFiles({ 'k8s/a.yaml': 'a: 1\n' });
    await git(
      work,
      ['push', '-q', `${host.base}/checkout/cart.git`, 'main'],
      user,
    );
  });
  afterAll(() => host.backend.stop());

  it('refuses a raw URL whose path segment starts with "-" with a 400 naming it', async () => {
    const target = path.join(tmp('inject-'), 'x');
    const res = await request(host.backend.server).get(
      `/api/git-host/checkout/cart/raw/main/--output=${encodeURIComponent(
        target,
      )}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /segment "--output=.*", which starts with '-'/,
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a tree URL …/tree/main/--output=<file> and writes no file', async () => {
    const target = path.join(tmp('inject-'), 'x');
    const reader = gitHostReaderFactory({
      config: new ConfigReader({
        backend: { baseUrl: host.base.replace(/\/api\/git-host$/, '') },
        gitHost: { directory: host.directory },
      }),
      logger: mockServices.logger.mock(),
      treeResponseFactory: {
        fromTarArchive: async (options: any) => options,
      } as unknown as ReadTreeResponseFactory,
    })[0].reader;
    await expect(
      reader.readTree(
        `${host.base}/checkout/cart/tree/main/--output=${target}`,
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
    expect(fs.existsSync(target)).toBe(false);
  });

  it('hands git archive the path after "--", so even an unvalidated path is never an option', async () => {
    const target = path.join(tmp('inject-'), 'x');
    const store = new RepositoryStore(host.directory);
    const commit = (await store.resolveRef('checkout', 'cart', 'main'))!;
    const out = store.archive('checkout', 'cart', commit, `--output=${target}`);
    for await (const _ of out) {
      // drain
    }
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('git host: who may create and push', () => {
  let host: Host;
  let deny: Set<string>;
  beforeAll(async () => {
    deny = new Set();
    host = await startGitHost({}, (permission, ref) =>
      deny.has(`${permission} ${ref ?? ''}`.trim())
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    await host.create('payments', 'ledger');
  });
  afterAll(() => host.backend.stop());
  beforeEach(() => {
    deny.clear();
    host.calls.length = 0;
  });

  it('creates a repository when the policy allows git-host.repository.create', async () => {
    const res = await host.create('payments', 'allowed');
    expect(res.status).toBe(201);
    expect(host.calls).toEqual([
      expect.objectContaining({ permission: 'git-host.repository.create' }),
    ]);
  });

  it('refuses creation when the policy denies it, saying who creates repositories', async () => {
    deny.add('git-host.repository.create');
    const res = await request(host.backend.server)
      .post('/api/git-host/repositories')
      .set('authorization', user)
      .send({ owner: 'payments', name: 'refused' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Repositories are created by the golden path (Create in the portal); people cannot create them directly',
    );
    expect(
      fs.existsSync(path.join(host.directory, 'payments', 'refused.git')),
    ).toBe(false);
  });

  it("checks a person's push with their own credentials on owner/name, and takes it when allowed", async () => {
    const work = await commitFiles({ 'a.txt': 'a' });
    await git(
      work,
      ['push', '-q', `${host.base}/payments/ledger.git`, 'main'],
      user,
    );
    const pushChecks = host.calls.filter(
      c => c.permission === 'git-host.repository.push',
    );
    expect(pushChecks.length).toBeGreaterThan(0);
    for (const check of pushChecks) {
      expect(check).toEqual({
        permission: 'git-host.repository.push',
        resourceRef: 'payments/ledger',
        who: { type: 'user', userEntityRef: 'user:default/mock' },
      });
    }
  });

  it('refuses a push the policy denies; git shows the person why', async () => {
    deny.add('git-host.repository.push payments/ledger');
    const work = await commitFiles({ 'b.txt': 'b' });
    const stderr = await gitFails(
      work,
      ['push', '-q', `${host.base}/payments/ledger.git`, 'main:other'],
      user,
    );
    expect(stderr).toContain(
      'You may not push to payments/ledger: only members of team payments (and the platform team) push to it',
    );
    const refs = await run('git', [
      `--git-dir=${path.join(host.directory, 'payments', 'ledger.git')}`,
      'for-each-ref',
    ]);
    expect(refs.stdout).not.toContain('refs/heads/other');
  });

  it('says the GitOps repository is written by the golden path alone', async () => {
    await host.create('platform', 'gitops');
    deny.add('git-host.repository.push platform/gitops');
    const work = await commitFiles({ 'c.txt': 'c' });
    const stderr = await gitFails(
      work,
      ['push', '-q', `${host.base}/platform/gitops.git`, 'main'],
      user,
    );
    expect(stderr).toContain(
      'You may not push to platform/gitops: only the golden path writes it',
    );
  });

  it('refuses a push to a repository that does not exist with the create refusal when creation is denied', async () => {
    deny.add('git-host.repository.create');
    const work = await commitFiles({ 'd.txt': 'd' });
    const stderr = await gitFails(
      work,
      ['push', '-q', `${host.base}/payments/ghost.git`, 'main'],
      user,
    );
    expect(stderr).toContain('people cannot create them directly');
    expect(
      fs.existsSync(path.join(host.directory, 'payments', 'ghost.git')),
    ).toBe(false);
  });

  it('audits a repository creation and a push: which repository and the result, no token', async () => {
    host.audits.length = 0;
    await host.create('payments', 'audited');
    const work = await commitFiles({ 'e.txt': 'e' });
    await git(
      work,
      ['push', '-q', `${host.base}/payments/audited.git`, 'main'],
      user,
    );
    expect(host.audits).toEqual([
      {
        eventId: 'repository-create',
        meta: { repository: 'payments/audited' },
        outcome: { success: { created: true } },
      },
      {
        eventId: 'repository-push',
        meta: { repository: 'payments/audited' },
        outcome: { success: { result: 'git-exited-0' } },
      },
    ]);
    expect(JSON.stringify(host.audits)).not.toContain(user.split(' ')[1]);
  });
});

describe('git host: history is not rewritten', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startGitHost();
  });
  afterAll(() => host.backend.stop());

  it('refuses a force push and a branch deletion, also in a repository made before the rules', async () => {
    await host.create('checkout', 'history');
    const gitDir = path.join(host.directory, 'checkout', 'history.git');
    // As a repository created before receive.denyNonFastForwards was set at creation.
    await run('git', [
      `--git-dir=${gitDir}`,
      'config',
      '--unset',
      'receive.denyNonFastForwards',
    ]);
    await run('git', [
      `--git-dir=${gitDir}`,
      'config',
      '--unset',
      'receive.denyDeletes',
    ]);
    const url = `${host.base}/checkout/history.git`;
    const work = await commitFiles({ 'a.txt': 'a' });
    await git(work, ['push', '-q', url, 'main', 'main:feature'], user);
    const pushed = (await git(work, ['rev-parse', 'HEAD'])).trim();
    await git(work, ['commit', '-q', '--amend', '-m', 'rewritten']);
    expect(
      await gitFails(work, ['push', '-q', '--force', url, 'main'], user),
    ).toMatch(/non-fast-forward|denying/);
    expect(await gitFails(work, ['push', '-q', url, ':feature'], user)).toMatch(
      /deletion|denying/,
    );
    const refs = (
      await run('git', [
        `--git-dir=${gitDir}`,
        'for-each-ref',
        '--format=%(refname) %(objectname)',
      ])
    ).stdout;
    expect(refs).toContain(`refs/heads/main ${pushed}`);
    expect(refs).toContain('refs/heads/feature');
  });
});

describe('git host: what git children see and what callers are told', () => {
  let host: Host;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.POSTGRES_PASSWORD = 'canary-postgres';
    process.env.GITHUB_TOKEN = 'canary-github';
    host = await startGitHost();
  });
  afterAll(async () => {
    process.env = saved;
    await host.backend.stop();
  });

  it("gives a hook none of the backend's environment secrets", async () => {
    await host.create('checkout', 'hooked');
    const gitDir = path.join(host.directory, 'checkout', 'hooked.git');
    const dump = path.join(tmp('env-'), 'env.txt');
    installHook(gitDir, 'pre-receive', `env > '${dump}'`);
    const work = await commitFiles({ 'a.txt': 'a' });
    await git(
      work,
      ['push', '-q', `${host.base}/checkout/hooked.git`, 'main'],
      user,
    );
    const env = fs.readFileSync(dump, 'utf8');
    expect(env).toContain('PATH=');
    expect(env).not.toContain('canary-postgres');
    expect(env).not.toContain('canary-github');
  });

  it("logs git http-backend's errors and sends the caller none of them", async () => {
    await host.create('checkout', 'broken');
    const gitDir = path.join(host.directory, 'checkout', 'broken.git');
    fs.writeFileSync(path.join(gitDir, 'config'), '[core\nbroken');
    const res = await request(host.backend.server).get(
      '/api/git-host/checkout/broken.git/info/refs?service=git-upload-pack',
    );
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/bad config/);
    expect(res.text).not.toContain(host.directory);
    const warnings = JSON.stringify((host.logger.warn as jest.Mock).mock.calls);
    expect(warnings).toMatch(/bad config/);
    expect(warnings).toContain('checkout/broken.git');
  });
});

describe('git host: limits', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startGitHost({
      maxPushSizeMegabytes: 0.05,
      maxBlobSizeMegabytes: 0.001,
      gitTimeoutSeconds: 2,
    });
  });
  afterAll(() => host.backend.stop());

  it('serves a file up to gitHost.maxBlobSizeMegabytes and refuses a larger one with 413', async () => {
    await host.create('checkout', 'blobs');
    const work = await commitFiles({
      'small.txt': 'small\n',
      'large.txt': 'x'.repeat(2000),
    });
    await git(
      work,
      ['push', '-q', `${host.base}/checkout/blobs.git`, 'main'],
      user,
    );
    const small = await request(host.backend.server).get(
      '/api/git-host/checkout/blobs/raw/main/small.txt',
    );
    expect(small.status).toBe(200);
    expect(small.text).toBe('small\n');
    const large = await request(host.backend.server).get(
      '/api/git-host/checkout/blobs/raw/main/large.txt',
    );
    expect(large.status).toBe(413);
    expect(large.body.error.message).toMatch(/gitHost\.maxBlobSizeMegabytes/);
  });

  it('refuses a push larger than gitHost.maxPushSizeMegabytes', async () => {
    await host.create('checkout', 'big');
    // Random bytes do not compress: the pack is about as large as the file.
    const work = await commitFiles({
      'random.bin': require('node:crypto')
        .randomBytes(200_000)
        .toString('base64'),
    });
    await gitFails(
      work,
      ['push', '-q', `${host.base}/checkout/big.git`, 'main'],
      user,
    );
    const info = await request(host.backend.server)
      .get('/api/git-host/repositories/checkout/big')
      .set('authorization', user);
    expect(info.body.empty).toBe(true);
  });

  it('kills git past gitHost.gitTimeoutSeconds, so a hung push does not go through', async () => {
    await host.create('checkout', 'slow');
    const gitDir = path.join(host.directory, 'checkout', 'slow.git');
    // Without the time limit this hook would let the push through after 20 seconds.
    installHook(gitDir, 'pre-receive', 'sleep 20; exit 0');
    const work = await commitFiles({ 'a.txt': 'a' });
    await gitFails(
      work,
      ['push', '-q', `${host.base}/checkout/slow.git`, 'main'],
      user,
    );
    const info = await request(host.backend.server)
      .get('/api/git-host/repositories/checkout/slow')
      .set('authorization', user);
    expect(info.body.empty).toBe(true);
  });
});
