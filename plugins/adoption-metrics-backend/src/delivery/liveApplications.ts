// A service's Argo CD Applications as Argo CD reports them now, on every configured cluster: sync and
// health status, the last operation with Argo CD's own message, the last deployed revision and the
// conditions (a manifest that cannot be generated, a shared resource). For the Delivery card, which
// shows every environment, not only the production history the DORA figures count.
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Deadlines } from '@internal/plugin-paved-node';
import { readClusters } from '@internal/plugin-kubernetes-access-node';
import { listArgoApplications } from '../collectors/listArgoApplications';
import { LiveApplication } from '@internal/plugin-adoption-metrics-common';

interface ApplicationObject {
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
  };
  status?: {
    sync?: { status?: string; revision?: string };
    health?: { status?: string; message?: string };
    conditions?: { type: string; message?: string }[];
    history?: { revision?: string; deployedAt: string }[];
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
    };
  };
}

export function liveApplication(
  cluster: string,
  app: ApplicationObject,
): LiveApplication {
  const history = app.status?.history ?? [];
  const last = history[history.length - 1];
  return {
    cluster,
    namespace: app.metadata.namespace,
    name: app.metadata.name,
    environment: app.metadata.labels?.['paved.dev/environment'],
    sync: app.status?.sync?.status,
    health: app.status?.health?.status,
    healthMessage: app.status?.health?.message,
    lastOperation: app.status?.operationState && {
      phase: app.status.operationState.phase,
      message: app.status.operationState.message,
      startedAt: app.status.operationState.startedAt,
      finishedAt: app.status.operationState.finishedAt,
    },
    lastDeploy: last && {
      revision: last.revision,
      deployedAt: last.deployedAt,
    },
    conditions: (app.status?.conditions ?? []).map(c => ({
      type: c.type,
      message: c.message,
    })),
  };
}

/** The Applications labelled backstage.io/kubernetes-id=<component>; a failing cluster is reported. */
export async function liveApplications(
  deps: Deadlines & { config: Config; logger: LoggerService },
  component: string,
): Promise<{ items: LiveApplication[]; errors: string[]; clusters: number }> {
  const items: LiveApplication[] = [];
  const errors: string[] = [];
  const clusters = readClusters(deps.config);
  for (const cluster of clusters) {
    try {
      const found = await listArgoApplications<ApplicationObject>(
        cluster,
        deps,
        `backstage.io/kubernetes-id=${component}`,
      );
      items.push(...found.map(app => liveApplication(cluster.name, app)));
    } catch (error) {
      const message = (error as Error).message;
      errors.push(message);
      deps.logger.warn(
        `Argo CD Applications of ${component} on cluster ${cluster.name}: ${message}`,
      );
    }
  }
  // With no cluster configured there is no Argo CD to ask: the card says nothing of it.
  return { items, errors, clusters: clusters.length };
}
