// Delivers the golden path's Kubernetes manifests the way `paved.goldenPath.delivery.mode` says:
// committed to the GitOps repository (Argo CD syncs them), or applied to the environment's cluster
// with server-side apply. Dry runs change nothing in either mode.
import { ConflictError } from '@backstage/errors';
import { DeliveryMode } from '../config/goldenPathConfig';
import { GitOpsRepository } from './GitOpsRepository';
import { environmentOfPath, toYaml } from './gitopsLayout';
import { ArgoRefresh } from './ArgoRefresh';
import { ManifestApplier } from '@internal/plugin-kubernetes-access-node';

/** The annotation that says which scaffolder task made an object (and may change it). */
export const TASK_ANNOTATION = 'paved.dev/scaffolder-task';

export interface ManifestToDeliver {
  /** Where it goes in the GitOps repository. */
  path: string;
  /** Cluster it is applied to in kubernetes mode. */
  cluster: string;
  manifest: {
    apiVersion: string;
    kind: string;
    metadata: {
      name: string;
      namespace?: string;
      annotations?: Record<string, string>;
    };
  };
}

export interface DeliveredManifest {
  kind: string;
  name: string;
  namespace?: string;
  /** gitops: the file path; kubernetes: `cluster/namespace/kind/name`. */
  location: string;
  /** What happened (or, in a dry run, would happen). */
  action: 'created' | 'updated' | 'unchanged';
  /** Browser URL of the file (gitops mode). */
  url?: string;
  yaml: string;
}

export class ManifestDelivery {
  constructor(
    readonly mode: DeliveryMode,
    private readonly gitops: GitOpsRepository,
    private readonly applier: ManifestApplier,
    private readonly argoRefresh?: ArgoRefresh,
  ) {}

  /** In kubernetes mode, an object made by another task means the name is taken. */
  private async checkNotTaken(m: ManifestToDeliver, taskId: string) {
    const { name, namespace } = m.manifest.metadata;
    const existing = await this.applier.get({
      cluster: m.cluster,
      apiVersion: m.manifest.apiVersion,
      kind: m.manifest.kind,
      namespace,
      name,
    });
    const owner = existing?.metadata?.annotations?.[TASK_ANNOTATION];
    if (existing && owner !== taskId && m.manifest.kind !== 'Namespace') {
      throw new ConflictError(
        `${m.manifest.kind} ${
          namespace ? `${namespace}/` : ''
        }${name} already exists on cluster ${m.cluster}${
          owner ? ', made by another task' : ''
        }: the name is taken in this environment; choose another service name.`,
      );
    }
  }

  /** Fails when any of the manifests' names is taken by another task; changes nothing. */
  async check(
    manifests: ManifestToDeliver[],
    options: { taskId: string; workDir: string; signal?: AbortSignal },
  ): Promise<void> {
    if (this.mode === 'kubernetes') {
      for (const m of manifests) await this.checkNotTaken(m, options.taskId);
      return;
    }
    const existing = await this.gitops.read(
      manifests.map(m => m.path),
      options.workDir,
      options.signal,
    );
    for (const m of manifests) {
      const current = existing[m.path];
      if (current !== undefined && current !== toYaml(m.manifest)) {
        throw this.gitops.taken(m.path);
      }
    }
  }

  async deliver(
    manifests: ManifestToDeliver[],
    options: {
      dryRun: boolean;
      taskId: string;
      workDir: string;
      message: string;
      signal?: AbortSignal;
    },
  ): Promise<DeliveredManifest[]> {
    const files = manifests.map(m => ({ ...m, yaml: toYaml(m.manifest) }));
    if (this.mode === 'kubernetes') {
      const delivered: DeliveredManifest[] = [];
      // In a dry run a new namespace is not created, so the server cannot dry-run what goes in it.
      const namespacesToCreate = new Set<string>();
      for (const m of files) {
        await this.checkNotTaken(m, options.taskId);
        const { name, namespace } = m.manifest.metadata;
        const { action } =
          options.dryRun && namespace && namespacesToCreate.has(namespace)
            ? { action: 'created' as const }
            : await this.applier.apply({
                cluster: m.cluster,
                manifest: m.manifest,
                dryRun: options.dryRun,
                // Create-only, then this task's alone: a same-name task racing this one is
                // refused by the API server instead of taking the object over. A namespace is
                // shared by the service's objects (its Application and its claims).
                owner:
                  m.manifest.kind === 'Namespace'
                    ? undefined
                    : { annotation: TASK_ANNOTATION, value: options.taskId },
              });
        if (m.manifest.kind === 'Namespace' && action === 'created') {
          namespacesToCreate.add(name);
        }
        delivered.push({
          kind: m.manifest.kind,
          name,
          namespace,
          location: `${m.cluster}/${namespace ?? '-'}/${
            m.manifest.kind
          }/${name}`,
          action,
          yaml: m.yaml,
        });
      }
      return delivered;
    }

    const describe = (
      m: (typeof files)[number],
      action: DeliveredManifest['action'],
    ) => ({
      kind: m.manifest.kind,
      name: m.manifest.metadata.name,
      namespace: m.manifest.metadata.namespace,
      location: m.path,
      action,
      url: this.gitops.fileUrl(m.path),
      yaml: m.yaml,
    });

    if (options.dryRun) {
      const existing = await this.gitops.read(
        files.map(f => f.path),
        options.workDir,
        options.signal,
      );
      return files.map(m => {
        const current = existing[m.path];
        if (current !== undefined && current !== m.yaml) {
          throw this.gitops.taken(m.path);
        }
        return describe(m, current === undefined ? 'created' : 'unchanged');
      });
    }

    const result = await this.gitops.write(
      files.map(f => ({ path: f.path, content: f.yaml })),
      {
        workDir: options.workDir,
        taskId: options.taskId,
        message: options.message,
        signal: options.signal,
      },
    );
    if (result.written.length)
      await this.argoRefresh?.refresh(
        result.written.flatMap(path => environmentOfPath(path) ?? []),
      );
    return files.map(m =>
      describe(m, result.written.includes(m.path) ? 'created' : 'unchanged'),
    );
  }
}
