// Contract test: there is no OpenCost server here, so a local server answers in OpenCost's
// documented shape; the client must ask for one closed hour, idle kept apart, and map the answer
// to components, the namespace's unallocated rest, idle and the cluster's unallocated rest.
import { Entity } from '@backstage/catalog-model';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  allocationResponse,
  startOpenCost,
} from '../__testUtils__/openCostServer';
import { ComponentMatcher } from './componentMatcher';
import { CostGroups } from './costGroups';
import { addOpenCost, fetchAllocations } from './openCost';

const window = {
  start: '2026-11-23T09:00:00Z',
  end: '2026-11-23T10:00:00Z',
};

const matcher = ComponentMatcher.fromEntities([
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders-api',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'orders-api' },
    },
    spec: { owner: 'checkout' },
  } as Entity,
]);

describe('OpenCost allocation client', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it('asks for one closed hour by namespace and kubernetes-id, idle not shared', async () => {
    const openCost = await startOpenCost(() => ({
      status: 200,
      body: allocationResponse('orders', 'orders-api', window),
    }));
    server = openCost.server;
    const allocations = await fetchAllocations(openCost.url, window, {
      timeoutMs: 30_000,
    });
    const [request] = openCost.requests;
    expect(request.pathname).toBe('/allocation/compute');
    expect(Object.fromEntries(request.searchParams)).toEqual({
      window: '2026-11-23T09:00:00Z,2026-11-23T10:00:00Z',
      aggregate: 'namespace,label:backstage.io/kubernetes-id',
      accumulate: 'true',
      includeIdle: 'true',
      shareIdle: 'false',
    });

    const groups = new CostGroups('prod', window.start, 'USD');
    addOpenCost(groups, allocations, matcher);
    const samples = groups.samples('OpenCost', true);
    const row = (namespace: string) =>
      samples.find(s => s.namespace === namespace)!;
    expect(samples.map(s => [s.namespace, s.component, s.kind])).toEqual([
      ['orders', 'component:default/orders-api', 'component'],
      ['orders', undefined, 'unallocated'],
      ['__idle__', undefined, 'idle'],
      ['__unallocated__', undefined, 'unallocated'],
    ]);
    const orders = samples[0];
    expect(orders).toMatchObject({
      owner: 'group:default/checkout',
      method: 'OpenCost',
      cpu: 0.031611,
      memory: 0.008474,
      storage: 0.0005,
    });
    // OpenCost's network cost is in its total only: kept as "other", not dropped.
    expect(orders.other).toBeCloseTo(0.001, 12);
    expect(orders.total).toBeCloseTo(0.041585, 12);
    // Idle stays its own row: nothing of it is spread over the services.
    expect(row('__idle__').total).toBeCloseTo(0.25, 12);
    expect(row('__unallocated__').other).toBeCloseTo(0.025, 12);
  });

  it('says what OpenCost answered when it fails', async () => {
    const openCost = await startOpenCost(() => ({
      status: 500,
      body: { code: 500, message: 'Prometheus is not reachable' },
    }));
    server = openCost.server;
    await expect(
      fetchAllocations(openCost.url, window, { timeoutMs: 30_000 }),
    ).rejects.toThrow(
      /OpenCost at http:\/\/127\.0\.0\.1:\d+ answered HTTP 500 .*Prometheus is not reachable/,
    );
  });

  it('gives up on an OpenCost that never answers, naming its URL', async () => {
    // Accepts the connection and never writes a byte.
    const silent = createServer(() => {});
    server = silent;
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    await expect(
      fetchAllocations(`http://127.0.0.1:${port}`, window, { timeoutMs: 200 }),
    ).rejects.toThrow(
      new RegExp(
        `^OpenCost at http://127\\.0\\.0\\.1:${port} failed on http://127\\.0\\.0\\.1:${port}/allocation/compute\\?.*: no answer within 0\\.2 s \\(workloadCost\\.requestTimeoutSeconds\\)$`,
      ),
    );
  });

  it('stops when the pass is aborted', async () => {
    const silent = createServer(() => {});
    server = silent;
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const controller = new AbortController();
    const fetching = fetchAllocations(`http://127.0.0.1:${port}`, window, {
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    controller.abort();
    await expect(fetching).rejects.toThrow(/^OpenCost at .* aborted/);
  });

  it('refuses an answer larger than the cap instead of reading it whole', async () => {
    const openCost = await startOpenCost(() => ({
      status: 200,
      body: { code: 200, data: [{ padding: 'x'.repeat(5000) }] },
    }));
    server = openCost.server;
    await expect(
      fetchAllocations(openCost.url, window, {
        timeoutMs: 30_000,
        maxBytes: 1000,
      }),
    ).rejects.toThrow(
      /failed on .*: the answer is (5\d{3} bytes, )?more than 1000/,
    );
  });
});
