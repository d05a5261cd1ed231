// There is no OpenCost server here: contract tests use a local server answering in OpenCost's
// documented shape (GET /allocation/compute → { code, data: [ { <name>: Allocation } ] }).
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

const allocation = (
  name: string,
  properties: object,
  costs: {
    cpuCost: number;
    ramCost: number;
    pvCost?: number;
    networkCost?: number;
    loadBalancerCost?: number;
  },
  window: { start: string; end: string },
) => {
  const total =
    costs.cpuCost +
    costs.ramCost +
    (costs.pvCost ?? 0) +
    (costs.networkCost ?? 0) +
    (costs.loadBalancerCost ?? 0);
  return {
    name,
    properties,
    window,
    start: window.start,
    end: window.end,
    minutes: 60,
    cpuCores: 1,
    cpuCoreRequestAverage: 1,
    cpuCoreUsageAverage: 0.4,
    cpuCoreHours: 1,
    cpuCost: costs.cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency: 0.4,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    networkCost: costs.networkCost ?? 0,
    loadBalancerCost: costs.loadBalancerCost ?? 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: costs.pvCost ?? 0,
    pvs: null,
    ramBytes: 2 ** 30,
    ramByteRequestAverage: 2 ** 30,
    ramByteUsageAverage: 2 ** 29,
    ramByteHours: 2 ** 30,
    ramCost: costs.ramCost,
    ramEfficiency: 0.5,
    sharedCost: 0,
    externalCost: 0,
    totalCost: total,
    totalEfficiency: 0.43,
  };
};

/** OpenCost's answer for one window: a service, its namespace's unlabelled rest, idle, and the rest. */
export function allocationResponse(
  namespace: string,
  id: string,
  window: { start: string; end: string },
) {
  return {
    code: 200,
    data: [
      {
        [`${namespace}/${id}`]: allocation(
          `${namespace}/${id}`,
          {
            cluster: 'cluster-one',
            namespace,
            labels: { backstage_io_kubernetes_id: id },
          },
          {
            cpuCost: 0.031611,
            ramCost: 0.008474,
            pvCost: 0.0005,
            networkCost: 0.001,
          },
          window,
        ),
        [`${namespace}/__unallocated__`]: allocation(
          `${namespace}/__unallocated__`,
          { cluster: 'cluster-one', namespace },
          { cpuCost: 0.003, ramCost: 0.001 },
          window,
        ),
        __idle__: allocation(
          '__idle__',
          { cluster: 'cluster-one' },
          { cpuCost: 0.2, ramCost: 0.05 },
          window,
        ),
        __unallocated__: allocation(
          '__unallocated__',
          { cluster: 'cluster-one' },
          { cpuCost: 0.01, ramCost: 0.002, loadBalancerCost: 0.025 },
          window,
        ),
      },
    ],
  };
}

/** Starts a server answering `answer(request)`; returns its base URL and the requests it got. */
export async function startOpenCost(
  answer: (url: URL) => { status: number; body: unknown },
): Promise<{ url: string; requests: URL[]; server: Server }> {
  const requests: URL[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://opencost');
    requests.push(url);
    const { status, body } = answer(url);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}
