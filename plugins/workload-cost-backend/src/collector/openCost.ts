// OpenCost's allocation API for a cluster that runs it (`workloadCost.opencost.<cluster>.url`):
// its costs replace the estimate there. One closed UTC hour is asked for, aggregated by namespace
// and the backstage.io/kubernetes-id label, idle kept apart (shareIdle=false): idle is shown as
// its own row, never spread over the services.
import { fetchWithDeadline } from '@internal/plugin-paved-node';
import { KUBERNETES_ID_ANNOTATION } from '@internal/plugin-workload-cost-common';
import { z } from 'zod';
import { ComponentMatcher } from './componentMatcher';
import { CostGroups } from './costGroups';

const cost = z
  .number()
  .nullish()
  .transform(value => value ?? 0);

const allocationSchema = z.looseObject({
  name: z.string().optional(),
  properties: z
    .looseObject({
      cluster: z.string().optional(),
      namespace: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  minutes: z.number().optional(),
  cpuCost: cost,
  gpuCost: cost,
  ramCost: cost,
  pvCost: cost,
  totalCost: z.number(),
});

const responseSchema = z.object({
  code: z.number(),
  message: z.string().optional(),
  data: z.array(z.record(z.string(), allocationSchema).nullable()).nullish(),
});

export type OpenCostAllocation = z.infer<typeof allocationSchema> & {
  name: string;
};

export const OPENCOST_METHOD = 'OpenCost';

/** The allocation query of one window, e.g. 2026-11-23T09:00:00Z,2026-11-23T10:00:00Z. */
export function allocationUrl(
  base: string,
  start: string,
  end: string,
): string {
  const params = new URLSearchParams({
    window: `${start},${end}`,
    aggregate: `namespace,label:${KUBERNETES_ID_ANNOTATION}`,
    accumulate: 'true',
    includeIdle: 'true',
    shareIdle: 'false',
  });
  return `${base}/allocation/compute?${params}`;
}

/** An hour of allocations by namespace and component is kilobytes; more is not an answer. */
export const MAX_OPENCOST_BYTES = 32 * 1024 * 1024;

/** The body as text, refused once it passes `max` bytes rather than held whole in memory. */
async function readCapped(
  response: Response,
  max: number,
  what: string,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    throw new Error(`${what} is ${declared} bytes, more than ${max}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw new Error(`${what} is more than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchAllocations(
  base: string,
  window: { start: string; end: string },
  options: { timeoutMs: number; signal?: AbortSignal; maxBytes?: number },
): Promise<OpenCostAllocation[]> {
  const url = allocationUrl(base, window.start, window.end);
  let text: string;
  let response: Response;
  try {
    response = await fetchWithDeadline(url, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
    text = await readCapped(
      response,
      options.maxBytes ?? MAX_OPENCOST_BYTES,
      'the answer',
    );
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${
            options.timeoutMs / 1000
          } s (workloadCost.requestTimeoutSeconds)`
        : (error as Error).message;
    throw new Error(`OpenCost at ${base} failed on ${url}: ${reason}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = responseSchema.safeParse(body);
  if (!response.ok || !parsed.success || parsed.data.code !== 200) {
    const detail = parsed.success
      ? parsed.data.message ?? `code ${parsed.data.code}`
      : text.slice(0, 200);
    throw new Error(
      `OpenCost at ${base} answered HTTP ${response.status} to ${url}: ${detail}`,
    );
  }
  return (parsed.data.data ?? []).flatMap(step =>
    Object.entries(step ?? {}).map(([key, a]) => ({
      ...a,
      name: a.name ?? key,
    })),
  );
}

/** OpenCost keeps label keys as Prometheus writes them: backstage_io_kubernetes_id. */
const sanitized = (key: string) => key.replace(/[^A-Za-z0-9_]/g, '_');

export function addOpenCost(
  groups: CostGroups,
  allocations: readonly OpenCostAllocation[],
  matcher: ComponentMatcher,
): void {
  for (const allocation of allocations) {
    const { name } = allocation;
    const segments = name.split('/');
    const labels = allocation.properties?.labels ?? {};
    const label = (key: string) => labels[key] ?? labels[sanitized(key)];
    const namespace = allocation.properties?.namespace ?? segments[0];
    let group;
    if (segments.includes('__idle__')) {
      group = groups.group('__idle__', undefined, 'idle');
    } else if (!namespace || namespace === '__unallocated__') {
      group = groups.group('__unallocated__');
    } else {
      const fromName =
        segments[1] !== '__unallocated__' ? segments[1] : undefined;
      const id = label(KUBERNETES_ID_ANNOTATION) ?? fromName;
      const match = matcher.match({
        kind: 'OpenCost allocation',
        namespace,
        name,
        labels: key => (key === KUBERNETES_ID_ANNOTATION ? id : label(key)),
      });
      group = groups.group(namespace, match);
    }
    const { cpuCost, ramCost, pvCost, gpuCost, totalCost } = allocation;
    CostGroups.add(
      group,
      {
        cpu: cpuCost,
        memory: ramCost,
        storage: pvCost,
        gpu: gpuCost,
        // Network, load balancers, shared and external costs are in OpenCost's total only.
        other: totalCost - (cpuCost + ramCost + pvCost + gpuCost),
        total: totalCost,
      },
      OPENCOST_METHOD,
    );
    group.details.workloads.push({
      kind: 'OpenCost allocation',
      name,
      method: OPENCOST_METHOD,
      cost: totalCost,
    });
  }
}
