// Paved's security proof, against the real backend started in this process: every Paved route
// with who may call it, a corpus of hostile input, and canary secrets that must never come out.
import fs from 'node:fs';
import path from 'node:path';
import { BAD_INPUTS, BadInput, OUTPUT_PROBE } from './badInputCorpus';
import {
  filesUnder,
  git,
  gitOverHttp,
  plantRepository,
  repositoryCommits,
} from './__testUtils__/gitDisk';
import { listPluginRoutes } from './__testUtils__/listRoutes';
import { PEOPLE, Person, signIn } from './__testUtils__/people';
import {
  ARGOCD_GIT_TOKEN,
  CANARY,
  PavedBackend,
  startPavedBackend,
} from './__testUtils__/startPavedBackend';
import { serviceToken } from './__testUtils__/suiteProbe';

jest.setTimeout(240_000);

type Caller = Person | 'service' | 'nobody';
type Access = 'public' | 'signed-in' | string;

/** One row per request: the route as the backend lists it, who may call it, and what each caller gets. */
type RouteRow = {
  method: string;
  route: string;
  request: string;
  body?: string | object;
  contentType?: string;
  access: Access;
  /** a person who lacks the permission (403 expected), where one exists */
  refused?: Person;
  allowed: Exclude<Caller, 'nobody'>;
  status: { nobody: number; allowed: number };
};

const INTERVALS = 'intervals=R2/P30D/2026-11-01';
const FLUSH = '0000';

// prettier-ignore
const ROUTES: Record<string, RouteRow[]> = {
  'git-host': [
    { method: 'GET', route: '/repositories', request: '/repositories', access: 'signed-in', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'POST', route: '/repositories', request: '/repositories', body: { owner: 'checkout', name: 'made-by-service' }, access: 'git-host.repository.create', refused: 'platformEngineer', allowed: 'service', status: { nobody: 401, allowed: 201 } },
    { method: 'GET', route: '/repositories/:owner/:name', request: '/repositories/checkout/route-probe', access: 'signed-in', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/repositories/:owner/:name/tree', request: '/repositories/checkout/route-probe/tree?ref=main', access: 'signed-in', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/repositories/:owner/:name/commits', request: '/repositories/checkout/route-probe/commits?to=main', access: 'signed-in', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    // Anonymous reads: gitHost.anonymousRead is true in app-config.yaml (clone URLs work as printed).
    { method: 'GET', route: '/:owner/:repo/info/refs', request: '/checkout/route-probe.git/info/refs?service=git-upload-pack', access: 'public', allowed: 'checkoutDeveloper', status: { nobody: 200, allowed: 200 } },
    { method: 'GET', route: '/:owner/:repo/info/refs', request: '/checkout/route-probe.git/info/refs?service=git-receive-pack', access: 'git-host.repository.push', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'POST', route: '/:owner/:repo/git-upload-pack', request: '/checkout/route-probe.git/git-upload-pack', body: FLUSH, contentType: 'application/x-git-upload-pack-request', access: 'public', allowed: 'checkoutDeveloper', status: { nobody: 200, allowed: 200 } },
    { method: 'POST', route: '/:owner/:repo/git-receive-pack', request: '/checkout/route-probe.git/git-receive-pack', body: FLUSH, contentType: 'application/x-git-receive-pack-request', access: 'git-host.repository.push', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/:owner/:name/raw/*', request: '/checkout/route-probe/raw/main/README.md', access: 'public', allowed: 'checkoutDeveloper', status: { nobody: 200, allowed: 200 } },
    { method: 'GET', route: '/:owner/:name/blob/*', request: '/checkout/route-probe/blob/main/README.md', access: 'public', allowed: 'checkoutDeveloper', status: { nobody: 200, allowed: 200 } },
  ],
  // paved.permissions.viewers is narrowed to checkout in the overlay, so a payments developer
  // is someone without adoption.metrics.read and workload-cost.read.
  'adoption-metrics': [
    { method: 'GET', route: '/summary', request: '/summary?days=30', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/component', request: '/component?entityRef=component:default/checkout-api', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/applications', request: '/applications?entityRef=component:default/checkout-api', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/sources', request: '/sources', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'POST', route: '/events', request: '/events', body: { events: [{ action: 'navigate', subject: '/', context: { pluginId: 'app' } }] }, access: 'signed-in', allowed: 'paymentsDeveloper', status: { nobody: 401, allowed: 202 } },
    { method: 'GET', route: '/usage', request: '/usage?days=30', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/survey/status', request: '/survey/status', access: 'signed-in', allowed: 'paymentsDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'POST', route: '/survey', request: '/survey', body: { dismissed: true }, access: 'signed-in', allowed: 'paymentsDeveloper', status: { nobody: 401, allowed: 201 } },
    { method: 'GET', route: '/survey/results', request: '/survey/results', access: 'adoption.metrics.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
  ],
  'workload-cost': [
    { method: 'GET', route: '/entity', request: '/entity?entityRef=component:default/checkout-api', access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/group', request: '/group?entityRef=group:default/checkout', access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/teams', request: '/teams', access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/price', request: '/price?offering=postgresql&tier=standard&storageGB=20', access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/status', request: '/status', access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/cost-insights/groups/:group/daily-cost', request: `/cost-insights/groups/checkout/daily-cost?${INTERVALS}`, access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
    { method: 'GET', route: '/cost-insights/entities/:kind/:namespace/:name/daily-cost', request: `/cost-insights/entities/component/default/checkout-api/daily-cost?${INTERVALS}`, access: 'workload-cost.read', refused: 'paymentsDeveloper', allowed: 'checkoutDeveloper', status: { nobody: 401, allowed: 200 } },
  ],
};

let backend: PavedBackend;
const tokens: Partial<Record<Person, string>> = {};
/** Every response body the suite received, for the canary check. */
const received: string[] = [];

type Sent = { status: number; text: string; json?: any };

async function send(
  as: Caller,
  method: string,
  apiPath: string,
  options: {
    body?: string | object;
    contentType?: string;
    targetPluginId?: string;
  } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (as === 'service') {
    headers.authorization = `Bearer ${await serviceToken(
      options.targetPluginId ?? apiPath.split('/')[1],
    )}`;
  } else if (as !== 'nobody') {
    headers.authorization = `Bearer ${tokens[as]}`;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body =
      typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const res = await fetch(`${backend.baseUrl}/api${apiPath}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  received.push(text);
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

beforeAll(async () => {
  const started = Date.now();
  backend = await startPavedBackend();
  plantRepository(backend.gitDirectory, 'checkout/route-probe', {
    'README.md': '# route probe\n',
  });
  for (const [person, userName] of Object.entries(PEOPLE)) {
    tokens[person as Person] = await signIn(backend.baseUrl, userName);
  }
  // eslint-disable-next-line no-console
  console.log(
    `Backend up and three people signed in after ${Date.now() - started} ms`,
  );
});

afterAll(async () => {
  await backend?.stop();
});

describe('route inventory', () => {
  it.each(Object.keys(ROUTES))(
    'every route of %s is in the table',
    pluginId => {
      const served = listPluginRoutes(backend.routes, pluginId)
        // Backstage's own per-plugin endpoints (JWKS, auth cookie, scheduler, permission
        // metadata) are the framework's, not Paved's; the scheduler's run-now and cancel are
        // behind the policy (scheduler/guardedSchedulerServiceFactory.ts, tested below).
        .filter(
          r =>
            !r.path.startsWith('/.backstage/') &&
            !r.path.startsWith('/.well-known/'),
        )
        .map(r => `${r.method} ${r.path}`);
      const tabled = ROUTES[pluginId].map(r => `${r.method} ${r.route}`);
      expect(served.length).toBeGreaterThan(0);
      expect(served.filter(r => !tabled.includes(r))).toEqual([]);
      expect(tabled.filter(r => !served.includes(r))).toEqual([]);
    },
  );

  const rows = Object.entries(ROUTES).flatMap(([pluginId, list]) =>
    list.map(row => ({
      pluginId,
      ...row,
      name: `${row.method} /api/${pluginId}${row.request}`,
    })),
  );

  it.each(rows)('$name: without a token', async row => {
    const res = await send(
      'nobody',
      row.method,
      `/${row.pluginId}${row.request}`,
      row,
    );
    expect(res.status).toBe(row.status.nobody);
  });

  it.each(rows.filter(r => r.refused))(
    '$name: refused to a person without $access',
    async row => {
      const res = await send(
        row.refused!,
        row.method,
        `/${row.pluginId}${row.request}`,
        row,
      );
      expect(res.status).toBe(403);
      // A refusal says why: more than the framework's bare "Forbidden".
      expect(res.json?.error?.message ?? res.text).toMatch(/\w+ \w+ \w+/);
    },
  );

  it.each(rows)('$name: answered for $allowed', async row => {
    const res = await send(
      row.allowed,
      row.method,
      `/${row.pluginId}${row.request}`,
      row,
    );
    expect({ status: res.status, body: res.text.slice(0, 300) }).toEqual({
      status: row.status.allowed,
      body: expect.anything(),
    });
  });
});

/** What a refused request must not have changed. */
async function sideEffects() {
  const catalog = await send(
    'platformEngineer',
    'GET',
    '/catalog/entities/by-query?limit=1',
  );
  return {
    repositories: repositoryCommits(backend.gitDirectory),
    catalogEntities: catalog.json?.totalItems,
    outputProbe: fs.existsSync(OUTPUT_PROBE),
    workFiles: filesUnder(backend.workDirectory).filter(f =>
      f.includes('probe'),
    ),
  };
}

// A bad input is refused either at the edge (a 4xx naming the field) or, for a template's
// parameters, by the task failing in its checks. Either way the answer names the field and no
// step past the checks ran.
async function howRefused(
  c: BadInput,
  res: Awaited<ReturnType<typeof send>>,
): Promise<{
  refused: boolean;
  namesTheField: boolean;
  stepsPastTheChecks: string[];
}> {
  if (c.template && res.status === 201) {
    const outcome = await taskOutcome(res.json.id);
    return {
      refused: outcome.status === 'failed',
      namesTheField: outcome.log.includes(c.field),
      // The preflight (and add-database's catalog lookup) only.
      stepsPastTheChecks: outcome.steps.filter(
        s => !['preflight', 'service'].includes(s),
      ),
    };
  }
  return {
    refused: res.status >= 400 && res.status < 500,
    namesTheField: res.text.includes(c.field),
    stepsPastTheChecks: [],
  };
}

/** A task the scaffolder accepted: it must end failed, before any step after the preflight. */
async function taskOutcome(taskId: string) {
  for (let i = 0; i < 120; i++) {
    const task = await send(
      'platformEngineer',
      'GET',
      `/scaffolder/v2/tasks/${taskId}`,
    );
    if (['failed', 'completed', 'cancelled'].includes(task.json?.status)) {
      const events = await send(
        'platformEngineer',
        'GET',
        `/scaffolder/v2/tasks/${taskId}/events`,
      );
      const steps = new Set<string>(
        // Steps that started; the scaffolder also reports the ones it skipped after a failure.
        (events.json ?? [])
          .filter((e: any) =>
            ['processing', 'completed'].includes(e.body?.status),
          )
          .map((e: any) => e.body?.stepId)
          .filter(Boolean),
      );
      return { status: task.json.status, steps: [...steps], log: events.text };
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`task ${taskId} did not finish`);
}

describe('bad input', () => {
  // eslint-disable-next-line no-console
  console.log(`Bad-input corpus: ${BAD_INPUTS.length} cases`);
  it('has at least 150 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(BAD_INPUTS.map(c => [c.label, c] as const))(
    '%s',
    async (_, c: BadInput) => {
      const before = await sideEffects();
      const res = await send(c.as, c.method, c.path, {
        body: c.body as object | undefined,
      });
      expect(await howRefused(c, res)).toEqual({
        refused: true,
        namesTheField: true,
        stepsPastTheChecks: [],
      });
      expect(await sideEffects()).toEqual(before);
      const health = await fetch(
        `${backend.baseUrl}/.backstage/health/v1/readiness`,
      );
      expect(health.status).toBe(200);
    },
  );
});

// The stock plugins' permissions, as the policy decides them, through the real routes.
describe('stock permissions and team ownership', () => {
  async function entityUid(ref: string) {
    const res = await send(
      'platformEngineer',
      'GET',
      `/catalog/entities/by-name/${ref}`,
    );
    expect(res.status).toBe(200);
    return res.json.metadata.uid as string;
  }

  const location = {
    type: 'url',
    target: 'https://scm.invalid/platform/catalog-info.yaml',
  };

  it('a developer cannot register a location', async () => {
    const res = await send('checkoutDeveloper', 'POST', '/catalog/locations', {
      body: location,
    });
    expect(res.status).toBe(403);
  });

  it('a platform engineer passes the permission check to register a location (dry run)', async () => {
    const res = await send(
      'platformEngineer',
      'POST',
      '/catalog/locations?dryRun=true',
      { body: location },
    );
    // The host does not resolve, so the dry run fails reading it; what matters is that the
    // permission check let the platform engineer through.
    expect(res.status).not.toBe(403);
    expect(res.status).not.toBe(401);
  });

  const dryRun = {
    template: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'security-suite-dry-run' },
      spec: {
        type: 'service',
        parameters: [],
        steps: [
          { id: 'log', action: 'debug:log', input: { message: 'dry run' } },
        ],
      },
    },
    values: {},
    directoryContents: [],
  };

  it("a developer cannot dry-run a template (it runs with the platform's integration credentials)", async () => {
    const res = await send(
      'checkoutDeveloper',
      'POST',
      '/scaffolder/v2/dry-run',
      {
        body: dryRun,
      },
    );
    expect(res.status).toBe(403);
  });

  it('a platform engineer may dry-run a template', async () => {
    const res = await send(
      'platformEngineer',
      'POST',
      '/scaffolder/v2/dry-run',
      {
        body: dryRun,
      },
    );
    expect({ status: res.status, body: res.text.slice(0, 300) }).toEqual({
      status: 200,
      body: expect.anything(),
    });
  });

  async function scheduledTaskId(pluginId: string) {
    const res = await send(
      'platformEngineer',
      'GET',
      `/${pluginId}/.backstage/scheduler/v1/tasks`,
    );
    expect(res.status).toBe(200);
    expect(res.json.tasks.length).toBeGreaterThan(0);
    return res.json.tasks[0].taskId as string;
  }

  it.each(['trigger', 'cancel'])(
    'a developer cannot %s a scheduled task (a collector pass) now',
    async action => {
      const id = await scheduledTaskId('adoption-metrics');
      const res = await send(
        'checkoutDeveloper',
        'POST',
        `/adoption-metrics/.backstage/scheduler/v1/tasks/${encodeURIComponent(
          id,
        )}/${action}`,
      );
      expect({ status: res.status, message: res.json?.error?.message }).toEqual(
        {
          status: 403,
          message: expect.stringContaining('paved.scheduler.task.trigger'),
        },
      );
    },
  );

  it('a platform engineer may trigger a scheduled task now', async () => {
    const id = await scheduledTaskId('adoption-metrics');
    const res = await send(
      'platformEngineer',
      'POST',
      `/adoption-metrics/.backstage/scheduler/v1/tasks/${encodeURIComponent(
        id,
      )}/trigger`,
    );
    // 409 when the pass is already running: past the permission check either way.
    expect([200, 409]).toContain(res.status);
  });

  it("a developer cannot use the Kubernetes proxy (it carries the cluster's token)", async () => {
    const res = await fetch(
      `${backend.baseUrl}/api/kubernetes/proxy/api/v1/namespaces`,
      {
        headers: {
          authorization: `Bearer ${tokens.checkoutDeveloper}`,
          'backstage-kubernetes-cluster': 'local',
        },
        signal: AbortSignal.timeout(30_000),
      },
    );
    received.push(await res.text());
    expect(res.status).toBe(403);
  });

  it('a checkout developer cannot create a service for payments: the task fails in its checks, nothing is made', async () => {
    const before = await sideEffects();
    const res = await send(
      'checkoutDeveloper',
      'POST',
      '/scaffolder/v2/tasks',
      {
        body: {
          templateRef: 'template:default/new-microservice',
          values: {
            name: 'not-for-payments',
            owner: 'group:default/payments',
            description: 'The security suite expects this to be refused.',
            language: 'go',
            environment: 'dev',
          },
        },
      },
    );
    expect(res.status).toBe(201);
    const outcome = await taskOutcome(res.json.id);
    expect(outcome.status).toBe('failed');
    expect(outcome.log).toContain('group:default/payments');
    expect(outcome.steps.filter(s => s !== 'preflight')).toEqual([]);
    expect(await sideEffects()).toEqual(before);
  });

  it("a checkout developer cannot add a database to payments' component", async () => {
    const before = await sideEffects();
    const res = await send(
      'checkoutDeveloper',
      'POST',
      '/scaffolder/v2/tasks',
      {
        body: {
          templateRef: 'template:default/add-database',
          values: {
            component: 'component:default/payments-gateway',
            environment: 'dev',
            database: {
              enabled: true,
              offering: 'postgresql',
              tier: 'standard',
              storageGB: 20,
              region: 'eu-west-1',
            },
          },
        },
      },
    );
    expect(res.status).toBe(201);
    const outcome = await taskOutcome(res.json.id);
    expect(outcome.status).toBe('failed');
    expect(outcome.log).toContain('payments-gateway');
    expect(
      outcome.steps.filter(s => !['preflight', 'service'].includes(s)),
    ).toEqual([]);
    expect(await sideEffects()).toEqual(before);
  });
  // Last: the deleted component comes back only when its location is read again.
  it('a checkout developer cannot delete a payments component; it stays in the catalog', async () => {
    const uid = await entityUid('component/default/payments-gateway');
    const res = await send(
      'checkoutDeveloper',
      'DELETE',
      `/catalog/entities/by-uid/${uid}`,
    );
    expect(res.status).toBe(403);
    expect(await entityUid('component/default/payments-gateway')).toBe(uid);
  });

  it('a payments developer may delete a component payments owns', async () => {
    const uid = await entityUid('component/default/payments-gateway');
    const res = await send(
      'paymentsDeveloper',
      'DELETE',
      `/catalog/entities/by-uid/${uid}`,
    );
    expect(res.status).toBe(204);
    const gone = await send(
      'platformEngineer',
      'GET',
      `/catalog/entities/by-uid/${uid}`,
    );
    expect(gone.status).toBe(404);
  });
});

describe("Argo CD's read token (app-config.demo.yaml: a static token restricted to git-host reads)", () => {
  const withToken = (route: string, init: RequestInit = {}) =>
    fetch(`${backend.baseUrl}/api${route}`, {
      ...init,
      headers: {
        authorization: `Bearer ${ARGOCD_GIT_TOKEN}`,
        ...(init.headers ?? {}),
      },
    });

  it('lists and reads repositories and fetches over git', async () => {
    expect((await withToken('/git-host/repositories')).status).toBe(200);
    const refs = await withToken(
      '/git-host/checkout/route-probe.git/info/refs?service=git-upload-pack',
    );
    expect(refs.status).toBe(200);
  });

  it('may not push, create a repository, or call another plugin, and nothing changes', async () => {
    const before = repositoryCommits(backend.gitDirectory);
    const push = await withToken(
      '/git-host/checkout/route-probe.git/info/refs?service=git-receive-pack',
    );
    expect(push.status).toBe(403);
    const create = await withToken('/git-host/repositories', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ owner: 'checkout', name: 'made-by-argocd' }),
    });
    expect(create.status).toBe(403);
    const catalog = await withToken('/catalog/entities?limit=1');
    expect([401, 403]).toContain(catalog.status);
    expect(repositoryCommits(backend.gitDirectory)).toEqual(before);
  });
});

describe('canary secrets', () => {
  it('a push through the git host gives git none of the backend secrets', async () => {
    const bare = path.join(backend.gitDirectory, 'checkout', 'route-probe.git');
    const envFile = path.join(backend.workDirectory, 'pre-receive-env.txt');
    fs.writeFileSync(
      path.join(bare, 'hooks', 'pre-receive'),
      `#!/bin/sh\nenv > '${envFile}'\n`,
      { mode: 0o755 },
    );
    const work = fs.mkdtempSync(path.join(backend.workDirectory, 'clone-'));
    const url = `${backend.baseUrl}/api/git-host/checkout/route-probe.git`;
    const auth = `http.extraHeader=Authorization: Bearer ${tokens.checkoutDeveloper}`;
    await gitOverHttp(['-c', auth, 'clone', '--', url, work]);
    fs.writeFileSync(
      path.join(work, 'canary.txt'),
      'pushed by the security suite\n',
    );
    git(['add', 'canary.txt'], work);
    git(
      [
        '-c',
        'user.name=Suite',
        '-c',
        'user.email=suite@paved.example',
        'commit',
        '-m',
        'canary',
      ],
      work,
    );
    await gitOverHttp(['-c', auth, 'push', 'origin', 'HEAD:main'], work);
    const env = fs.readFileSync(envFile, 'utf8');
    expect(env).toContain('GIT_DIR');
    for (const value of Object.values(CANARY)) expect(env).not.toContain(value);
  });

  it('a scaffolder task log holds no secret', async () => {
    const res = await send(
      'checkoutDeveloper',
      'POST',
      '/scaffolder/v2/tasks',
      {
        body: {
          templateRef: 'template:default/add-database',
          values: {
            component: 'component:default/no-such-service',
            environment: 'dev',
            database: {
              enabled: true,
              offering: 'postgresql',
              tier: 'standard',
              storageGB: 20,
              region: 'eu-west-1',
            },
          },
        },
      },
    );
    expect(res.status).toBe(201);
    const outcome = await taskOutcome(res.json.id);
    expect(outcome.log.length).toBeGreaterThan(0);
    for (const value of Object.values(CANARY))
      expect(outcome.log).not.toContain(value);
  });

  it('no response the suite received and no log line holds a secret', () => {
    const responses = received.join('\n');
    expect(responses.length).toBeGreaterThan(0);
    const logs = backend.output();
    expect(logs).toContain('Plugin initialization complete');
    for (const value of Object.values(CANARY)) {
      expect(responses).not.toContain(value);
      expect(logs).not.toContain(value);
    }
  });
});
