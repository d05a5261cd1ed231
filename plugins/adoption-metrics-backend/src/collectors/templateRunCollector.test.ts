// The task collector against an HTTP server answering like the scaffolder's /v2/tasks: pages are
// read newest first with a service token, identities are dropped, a finished page stops the pass,
// and a failing scaffolder is recorded.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AdoptionStore } from '../store/AdoptionStore';
import { collectTemplateRuns, runOf } from './templateRunCollector';

const task = (id: number, status = 'completed') => ({
  id: `t${id}`,
  status,
  createdAt: `2026-11-${String(id).padStart(2, '0')}T09:00:00Z`,
  lastHeartbeatAt: `2026-11-${String(id).padStart(2, '0')}T09:00:03Z`,
  createdBy: 'user:default/jane',
  spec: {
    templateInfo: { entityRef: 'template:default/new-microservice' },
    parameters: { name: `svc-${id}`, owner: 'group:default/checkout' },
  },
});

describe('collectTemplateRuns', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: Server;
  let answer: (url: URL) => { status: number; body: unknown };
  const requests: { url: string; auth?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push({ url: req.url!, auth: req.headers.authorization });
      const { status, body } = answer(url);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => server.close());

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const { port } = server.address() as AddressInfo;
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => `http://127.0.0.1:${port}/api/scaffolder`,
    });
    return { store, discovery, auth: mockServices.auth() };
  }

  it('keeps template, status, times and the name asked for, not who ran it', () => {
    expect(runOf(task(3))).toEqual({
      taskId: 't3',
      templateRef: 'template:default/new-microservice',
      status: 'completed',
      createdAt: '2026-11-03T09:00:00.000Z',
      finishedAt: '2026-11-03T09:00:03.000Z',
      component: 'svc-3',
    });
    expect(runOf(task(4, 'processing'))?.finishedAt).toBeUndefined();
  });

  it('pages newest first with a service token and brings open tasks up to date', async () => {
    const deps = await setup();
    // 150 tasks: a full page of 100, then 50.
    const all = Array.from({ length: 150 }, (_, i) =>
      task((i % 28) + 1, i === 0 ? 'processing' : 'completed'),
    ).map((t, i) => ({ ...t, id: `t${i}` }));
    answer = url => {
      const offset = Number(url.searchParams.get('offset'));
      return {
        status: 200,
        body: { tasks: all.slice(offset, offset + 100), totalTasks: 150 },
      };
    };
    requests.length = 0;
    expect(await collectTemplateRuns(deps)).toEqual({ seen: 150 });
    expect(requests.map(r => r.url)).toEqual([
      '/api/scaffolder/v2/tasks?order=desc:created_at&limit=100&offset=0',
      '/api/scaffolder/v2/tasks?order=desc:created_at&limit=100&offset=100',
    ]);
    expect(requests[0].auth).toMatch(/^Bearer /);

    // Next pass: t0 has finished. Page one held a task not yet known as finished, so the pass
    // reads on; page two is all known and finished, so it stops there.
    all[0] = { ...all[0], status: 'completed' };
    requests.length = 0;
    await collectTemplateRuns(deps);
    const runs = await deps.store.templateRuns.runs({
      from: '2026-01-01',
      to: '2027-01-01',
    });
    expect(runs).toHaveLength(150);
    expect(runs.every(r => r.status === 'completed')).toBe(true);
    expect(requests).toHaveLength(2);
    // Caught up: one page is enough.
    requests.length = 0;
    await collectTemplateRuns(deps);
    expect(requests).toHaveLength(1);
  });

  it('records why when the scaffolder cannot be read', async () => {
    const deps = await setup();
    answer = () => ({
      status: 503,
      body: { error: { name: 'ServiceUnavailable', message: 'down' } },
    });
    await collectTemplateRuns(deps);
    const [status] = await deps.store.collectorStatus();
    expect(status).toMatchObject({
      collector: 'scaffolder-tasks',
      lastError: expect.stringMatching(/Could not read the scaffolder's tasks/),
    });
  });
});
