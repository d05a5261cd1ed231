import { Deadlines } from '@internal/plugin-paved-node';
// Reads every Argo CD Application of every configured cluster and keeps each deploy it sees:
// `status.history` entries (successful syncs; Argo CD keeps only the last 10) and a failed
// `status.operationState`. A cluster that fails is reported and skipped; the others still count.
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readClusters } from '@internal/plugin-kubernetes-access-node';
import { listArgoApplications } from './listArgoApplications';
import { AdoptionStore, DeployRow } from '../store/AdoptionStore';

export const ARGO_COLLECTOR = 'argocd-history';

interface Application {
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
  };
  spec?: {
    source?: { repoURL?: string };
    sources?: { repoURL?: string }[];
  };
  status?: {
    history?: {
      id: number;
      revision?: string;
      revisions?: string[];
      deployedAt: string;
    }[];
    operationState?: {
      phase?: string;
      startedAt?: string;
      finishedAt?: string;
      syncResult?: { revision?: string };
      operation?: { sync?: { revision?: string } };
    };
  };
}

/** The deploys an Application's status records. */
export function deploysOf(cluster: string, app: Application): DeployRow[] {
  const base = {
    cluster,
    namespace: app.metadata.namespace,
    application: app.metadata.name,
    component: app.metadata.labels?.['backstage.io/kubernetes-id'],
    environment: app.metadata.labels?.['paved.dev/environment'],
    repoUrl: app.spec?.source?.repoURL ?? app.spec?.sources?.[0]?.repoURL,
  };
  const rows: DeployRow[] = (app.status?.history ?? []).map(h => ({
    ...base,
    eventKey: `sync:${h.id}:${h.deployedAt}`,
    outcome: 'succeeded' as const,
    revision: h.revision ?? h.revisions?.join(',') ?? '',
    at: new Date(h.deployedAt).toISOString(),
  }));
  const op = app.status?.operationState;
  if (op && (op.phase === 'Failed' || op.phase === 'Error') && op.startedAt) {
    rows.push({
      ...base,
      eventKey: `failed:${op.startedAt}`,
      outcome: 'failed',
      revision: op.syncResult?.revision ?? op.operation?.sync?.revision ?? '',
      at: new Date(op.finishedAt ?? op.startedAt).toISOString(),
    });
  }
  return rows;
}

export async function collectArgoHistory(
  deps: Deadlines & {
    config: Config;
    store: AdoptionStore;
    logger: LoggerService;
  },
): Promise<{ added: number; errors: string[] }> {
  let added = 0;
  const errors: string[] = [];
  for (const cluster of readClusters(deps.config)) {
    deps.signal?.throwIfAborted();
    try {
      const items = await listArgoApplications<Application>(cluster, deps);
      const rows = items.flatMap(app => deploysOf(cluster.name, app));
      added += await deps.store.addDeploys(rows);
    } catch (error) {
      const message = (error as Error).message;
      errors.push(message);
      deps.logger.warn(
        `Argo CD history of cluster ${cluster.name}: ${message}`,
      );
    }
  }
  await deps.store.recordRun(
    ARGO_COLLECTOR,
    errors.length ? errors.join('\n') : undefined,
  );
  return { added, errors };
}
