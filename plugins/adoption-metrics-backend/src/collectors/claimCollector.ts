import { Deadlines } from '@internal/plugin-paved-node';
// Lists the Crossplane claims of every offering the golden path provides (`paved.goldenPath.
// offerings`: their apiVersion and kind) in every configured cluster. A claim carrying the golden
// path's task mark was self-service; one without it was written by hand. A missing CRD or an
// unreachable cluster is recorded and the other clusters still count.
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { SCAFFOLDER_TASK_ANNOTATION } from '@internal/plugin-adoption-metrics-common';
import {
  describeKubernetesError,
  kubeConfigForCluster,
  readClusters,
  withRequestDeadlines,
} from '@internal/plugin-kubernetes-access-node';
import { KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { AdoptionStore } from '../store/AdoptionStore';
import { ClaimRow } from '../store/ClaimStore';

export const CLAIM_COLLECTOR = 'crossplane-claims';

export interface ClaimKind {
  apiVersion: string;
  kind: string;
}

/** The claim kinds of the golden path's offerings. */
export function claimKinds(config: Config): ClaimKind[] {
  const offerings = config.getOptionalConfig('paved.goldenPath.offerings');
  return (offerings?.keys() ?? []).map(id => ({
    apiVersion: offerings!.getString(`${id}.apiVersion`),
    kind: offerings!.getString(`${id}.kind`),
  }));
}

export function claimOf(cluster: string, object: KubernetesObject): ClaimRow {
  const annotations = object.metadata?.annotations ?? {};
  const created =
    annotations['paved.dev/created-at'] ?? object.metadata?.creationTimestamp;
  return {
    cluster,
    namespace: object.metadata?.namespace ?? '',
    kind: object.kind ?? '',
    name: object.metadata?.name ?? '',
    component: object.metadata?.labels?.['backstage.io/kubernetes-id'],
    owner: annotations['paved.dev/owner'],
    taskId: annotations[SCAFFOLDER_TASK_ANNOTATION],
    createdAt: new Date(created ?? Date.now()).toISOString(),
  };
}

export async function collectClaims(
  deps: Deadlines & {
    config: Config;
    store: AdoptionStore;
    logger: LoggerService;
    now?: Date;
  },
): Promise<{ seen: number; errors: string[] }> {
  const kinds = claimKinds(deps.config);
  const now = (deps.now ?? new Date()).toISOString();
  const errors: string[] = [];
  let seen = 0;
  for (const cluster of readClusters(deps.config)) {
    deps.signal?.throwIfAborted();
    const api = KubernetesObjectApi.makeApiClient(
      withRequestDeadlines(kubeConfigForCluster(cluster), deps),
    );
    const claims: ClaimRow[] = [];
    const listed: string[] = [];
    for (const kind of kinds) {
      deps.signal?.throwIfAborted();
      try {
        const list = await api.list(kind.apiVersion, kind.kind);
        claims.push(
          ...list.items.map(item =>
            claimOf(cluster.name, { ...item, kind: kind.kind }),
          ),
        );
        listed.push(kind.kind);
      } catch (error) {
        const described = describeKubernetesError(error, {
          cluster,
          verb: 'list',
          resource: kind,
        });
        errors.push(described.message);
        deps.logger.warn(
          `Claims in cluster ${cluster.name}: ${described.message}`,
        );
      }
    }
    // Only kinds that were listed mark their missing claims gone: a failed list proves nothing.
    await deps.store.claims.saveSeen({
      cluster: cluster.name,
      kinds: listed,
      claims,
      now,
    });
    seen += claims.length;
  }
  await deps.store.recordRun(
    CLAIM_COLLECTOR,
    errors.length ? errors.join('\n') : undefined,
  );
  return { seen, errors };
}
