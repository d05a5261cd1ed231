// Tells Argo CD at once that the GitOps repository changed, instead of leaving it to its poll
// (3 minutes by default): the refresh annotation on the environment's root Application, which
// Argo CD's controller acts on and then removes. For clusters where the SCM cannot reach Argo CD's
// webhook (the embedded git host on a laptop or in CI); with GitHub, GitLab or Gitea, point their
// push webhook at Argo CD instead and leave `paved.goldenPath.argocd.refreshOnPush` off.
import { LoggerService } from '@backstage/backend-plugin-api';
import { ManifestApplier } from '@internal/plugin-kubernetes-access-node';
import { GoldenPathConfig } from '../config/goldenPathConfig';
import { rootApplicationName } from './gitopsLayout';

export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
const FIELD_MANAGER = 'paved-argocd-refresh';

export class ArgoRefresh {
  constructor(
    private readonly config: Pick<GoldenPathConfig, 'argocd' | 'environments'>,
    private readonly applier: ManifestApplier,
    private readonly logger: LoggerService,
  ) {}

  get enabled(): boolean {
    return this.config.argocd.refreshOnPush;
  }

  /**
   * Asks Argo CD to refresh the root Application of each environment. Never fails the caller: the
   * commit is made, and Argo CD's poll still finds it; a refusal is logged with what to grant.
   */
  async refresh(environments: string[]): Promise<void> {
    if (!this.enabled) return;
    for (const environment of new Set(environments)) {
      const env = this.config.environments[environment];
      if (!env) continue;
      const name = rootApplicationName(environment);
      try {
        await this.applier.apply({
          cluster: env.cluster,
          fieldManager: FIELD_MANAGER,
          manifest: {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            metadata: {
              name,
              namespace: this.config.argocd.namespace,
              annotations: { [REFRESH_ANNOTATION]: 'normal' },
            },
          },
        });
      } catch (error) {
        this.logger.warn(
          `Could not ask Argo CD to refresh ${this.config.argocd.namespace}/${name} on cluster ${env.cluster} ` +
            `(it will find the commit on its next poll): ${
              (error as Error).message
            }. ` +
            `Grant the portal "patch" on that Application, or turn paved.goldenPath.argocd.refreshOnPush off.`,
        );
      }
    }
  }
}
