// The commit-time collector against an HTTP server answering like Paved's git host: each deploy
// gets the times of the commits it brought (from the revision before it), deploys from other SCMs
// get none, and the read model serves the times to the lead-time math.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { doraMetrics } from '@internal/plugin-adoption-metrics-common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AdoptionStore } from '../store/AdoptionStore';
import { collectCommitTimes, gitHostRepository } from './commitTimeCollector';

describe('collectCommitTimes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: Server;
  let base: string;
  let down = false;
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url!);
      const url = new URL(req.url!, 'http://x');
      const key = `${
        url.searchParams.get('from') ?? ''
      }..${url.searchParams.get('to')}`;
      const answers: Record<string, string[]> = {
        '..r1': ['2026-11-10T09:00:00.000Z'],
        'r1..r2': ['2026-11-10T11:00:00.000Z', '2026-11-10T10:30:00.000Z'],
      };
      if (down) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { name: 'Error', message: 'down' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          commits: (answers[key] ?? []).map(committedAt => ({
            sha: 'x',
            committedAt,
          })),
        }),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/git-host`;
  });
  afterAll(() => server.close());

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const deploy = (revision: string, at: string, repoUrl: string) => ({
      cluster: 'c',
      namespace: 'argocd',
      application: repoUrl.includes('github')
        ? 'other-production'
        : 'orders-production',
      eventKey: `sync:${revision}`,
      component: repoUrl.includes('github') ? 'other' : 'orders',
      environment: 'production',
      outcome: 'succeeded' as const,
      revision,
      at,
      repoUrl,
    });
    await store.addDeploys([
      deploy('r1', '2026-11-10T10:00:00.000Z', `${base}/checkout/orders.git`),
      deploy('r2', '2026-11-10T12:00:00.000Z', `${base}/checkout/orders.git`),
      deploy(
        'g1',
        '2026-11-10T12:00:00.000Z',
        'https://github.com/acme/other.git',
      ),
    ]);
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => base,
      getExternalBaseUrl: async () => 'https://paved.example/api/git-host',
    });
    return { store, deps: { store, discovery, auth: mockServices.auth() } };
  }

  it('knows the git host’s clone URLs', () => {
    expect(
      gitHostRepository(`${'http://h/api/git-host'}/checkout/orders.git`, [
        'http://h/api/git-host',
      ]),
    ).toEqual({
      owner: 'checkout',
      name: 'orders',
    });
    expect(
      gitHostRepository('https://github.com/acme/x.git', [
        'http://h/api/git-host',
      ]),
    ).toBeUndefined();
  });

  it('records what each deploy brought, once, and lead time follows', async () => {
    const { store, deps } = await setup();
    down = false;
    asked.length = 0;
    const period = {
      environment: 'production',
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    };
    // Read once before: the in-memory read model must notice rows changed in place.
    expect((await store.deploys(period)).map(d => d.commitTimes)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(await collectCommitTimes(deps)).toEqual({ recorded: 3 });
    // r1 had nothing before it: its own commit; r2 brought r1..r2. GitHub was not asked.
    expect(asked.map(u => u.split('?')[1])).toEqual(['to=r1', 'to=r2&from=r1']);
    const deploys = await store.deploys(period);
    expect(deploys.map(d => d.commitTimes?.length)).toEqual([1, 2, 0]);
    // Commit to deploy: 1 h (r1), 1 h and 1.5 h (r2): median 1 h over 3 commits.
    const dora = doraMetrics(deploys, {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      timeZone: 'UTC',
    });
    expect(dora.leadTime).toMatchObject({
      medianHours: 1,
      commits: 3,
      band: 'elite',
    });
    expect(await collectCommitTimes(deps)).toEqual({ recorded: 0 });
  });

  it('leaves deploys to retry, and says why, when the git host does not answer', async () => {
    const { store, deps } = await setup();
    down = true;
    expect(await collectCommitTimes(deps)).toEqual({ recorded: 0 });
    const status = (await store.collectorStatus()).find(
      s => s.collector === 'commit-times',
    );
    expect(status?.lastError).toMatch(
      /Could not read commit times from the git host/,
    );
    expect(await store.commitTimes.pending(10)).toHaveLength(3);
  });
});
