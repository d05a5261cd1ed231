// Reads the scaffolder's task records through its API (newest first) and keeps template, status,
// times and the service name asked for. Who ran a task is dropped here. Paging stops at the first
// page whose tasks are all already recorded as finished, so a pass reads little once caught up.
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Deadlines, fetchWithDeadline } from '@internal/plugin-paved-node';
import { AdoptionStore } from '../store/AdoptionStore';
import { TemplateRunRow } from '../store/TemplateRunStore';

export const TEMPLATE_RUN_COLLECTOR = 'scaffolder-tasks';
const PAGE = 100;
/** A bound on one pass; later passes continue where the store is not yet complete. */
const MAX_PAGES = 100;
const FINISHED = new Set(['completed', 'failed', 'cancelled']);

interface SerializedTask {
  id: string;
  status: string;
  createdAt: string;
  lastHeartbeatAt?: string;
  spec?: {
    templateInfo?: { entityRef?: string };
    parameters?: Record<string, unknown>;
  };
}

export function runOf(task: SerializedTask): TemplateRunRow | undefined {
  const templateRef = task.spec?.templateInfo?.entityRef;
  if (!templateRef) return undefined;
  const name = task.spec?.parameters?.name;
  return {
    taskId: task.id,
    templateRef: templateRef.toLowerCase(),
    status: task.status,
    createdAt: new Date(task.createdAt).toISOString(),
    finishedAt:
      FINISHED.has(task.status) && task.lastHeartbeatAt
        ? new Date(task.lastHeartbeatAt).toISOString()
        : undefined,
    component: typeof name === 'string' ? name : undefined,
  };
}

export async function collectTemplateRuns(
  deps: Deadlines & {
    discovery: DiscoveryService;
    auth: AuthService;
    store: AdoptionStore;
  },
): Promise<{ seen: number }> {
  let seen = 0;
  try {
    const base = await deps.discovery.getBaseUrl('scaffolder');
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: await deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    for (let page = 0; page < MAX_PAGES; page++) {
      deps.signal?.throwIfAborted();
      const url = `${base}/v2/tasks?order=desc:created_at&limit=${PAGE}&offset=${
        page * PAGE
      }`;
      const res = await fetchWithDeadline(url, {
        headers: { Authorization: `Bearer ${token}` },
        signal: deps.signal,
        timeoutMs: deps.timeoutMs,
      });
      if (!res.ok) throw await ResponseError.fromResponse(res);
      const { tasks } = (await res.json()) as { tasks: SerializedTask[] };
      const runs = tasks.flatMap(t => runOf(t) ?? []);
      const known = await deps.store.templateRuns.finishedIds(
        runs.map(r => r.taskId),
      );
      await deps.store.templateRuns.save(runs);
      seen += runs.length;
      if (tasks.length < PAGE || runs.every(r => known.has(r.taskId))) break;
    }
    await deps.store.recordRun(TEMPLATE_RUN_COLLECTOR);
  } catch (error) {
    await deps.store.recordRun(
      TEMPLATE_RUN_COLLECTOR,
      `Could not read the scaffolder's tasks: ${
        (error as Error).message ?? error
      }`,
    );
  }
  return { seen };
}
