// An API that accepts the connection and never answers (a hung Kubernetes API, scaffolder or git
// host) must not hold a collector pass: each outbound call has a deadline, the pass records why
// it failed (GET /sources shows it), and the scheduler's abort signal stops a pass.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AdoptionStore } from '../store/AdoptionStore';
import { ARGO_COLLECTOR, collectArgoHistory } from './argoHistoryCollector';
import { CLAIM_COLLECTOR, collectClaims } from './claimCollector';
import {
  COMMIT_TIME_COLLECTOR,
  collectCommitTimes,
} from './commitTimeCollector';
import {
  TEMPLATE_RUN_COLLECTOR,
  collectTemplateRuns,
} from './templateRunCollector';

jest.setTimeout(60_000);

const TIMEOUT_MS = 300;

describe('collectors against an API that never answers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: Server;
  let base: string;
  const hung: Array<() => void> = [];

  beforeAll(async () => {
    // Takes every request and never answers it (until the test ends).
    server = createServer((_req, res) => hung.push(() => res.destroy()));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hung.forEach(close => close());
    await new Promise(resolve => server.close(resolve));
  });

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const store = await AdoptionStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const config = mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'hung',
                  url: base,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'token',
                },
              ],
            },
          ],
        },
        paved: {
          goldenPath: {
            offerings: {
              database: {
                apiVersion: 'platform.paved.dev/v1alpha1',
                kind: 'PostgresInstance',
              },
            },
          },
        },
      },
    });
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async plugin => `${base}/api/${plugin}`,
      getExternalBaseUrl: async plugin => `${base}/api/${plugin}`,
    });
    return {
      knex,
      store,
      config,
      discovery,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      timeoutMs: TIMEOUT_MS,
    };
  }

  const lastError = async (store: AdoptionStore, collector: string) =>
    (await store.collectorStatus()).find(s => s.collector === collector)
      ?.lastError;

  it('Argo CD history: the pass ends and records the timeout for the cluster', async () => {
    const deps = await setup();
    const { errors } = await collectArgoHistory(deps);
    expect(errors).toHaveLength(1);
    expect(await lastError(deps.store, ARGO_COLLECTOR)).toMatch(/hung/);
  });

  it('Crossplane claims: the pass ends and records the timeout for the cluster', async () => {
    const deps = await setup();
    const { errors } = await collectClaims(deps);
    expect(errors).toHaveLength(1);
    expect(await lastError(deps.store, CLAIM_COLLECTOR)).toMatch(/hung/);
  });

  it("scaffolder tasks: the pass ends and records that the scaffolder's tasks could not be read", async () => {
    const deps = await setup();
    await collectTemplateRuns(deps);
    expect(await lastError(deps.store, TEMPLATE_RUN_COLLECTOR)).toMatch(
      /^Could not read the scaffolder's tasks: .*(timeout|aborted)/i,
    );
  });

  it('commit times: the pass ends and records that the git host did not answer', async () => {
    const deps = await setup();
    await deps.store.addDeploys([
      {
        cluster: 'hung',
        namespace: 'argocd',
        application: 'orders-api-production',
        eventKey: 'sync:1:2026-11-20T10:00:00Z',
        outcome: 'succeeded',
        revision: 'abc123',
        at: '2026-11-20T10:00:00.000Z',
        repoUrl: `${base}/api/git-host/checkout/orders-api.git`,
      },
    ]);
    const { recorded } = await collectCommitTimes(deps);
    expect(recorded).toBe(0);
    expect(await lastError(deps.store, COMMIT_TIME_COLLECTOR)).toMatch(
      /^Could not read commit times from the git host: .*(timeout|aborted)/i,
    );
  });

  it('stops when the scheduler aborts the pass, even with a long per-call deadline', async () => {
    const deps = await setup();
    const controller = new AbortController();
    const waiting = hung.length;
    const pass = collectTemplateRuns({
      ...deps,
      timeoutMs: 3_600_000,
      signal: controller.signal,
    });
    // Abort once the request is on the wire.
    while (hung.length === waiting) await new Promise(r => setTimeout(r, 20));
    controller.abort(new Error('the scheduler timed the pass out'));
    await pass;
    expect(await lastError(deps.store, TEMPLATE_RUN_COLLECTOR)).toMatch(
      /the scheduler timed the pass out|aborted/i,
    );
  });
});
