export interface Config {
  paved?: {
    /** The golden path: where it publishes repositories and how it delivers to clusters. */
    goldenPath?: {
      /** Where new repositories and the GitOps repository live. */
      scm?: {
        /**
         * `embedded` (default): the portal's own git host (plugin git-host).
         * `github`, `gitlab` or `gitea`: the host of `integrations.<provider>` with the same `host`.
         */
        provider?: 'embedded' | 'github' | 'gitlab' | 'gitea';
        /** Host of the integration, for example github.com. Not used by `embedded`. */
        host?: string;
        /**
         * Organisation (GitHub), group (GitLab) or organisation (Gitea) that owns new repositories.
         * `embedded` puts each repository under its owning team's name instead.
         */
        organization?: string;
      };
      /** How the Argo CD Application and the Crossplane claims reach a cluster. */
      delivery?: {
        /**
         * `gitops` (default): committed to the GitOps repository, which Argo CD syncs.
         * `kubernetes`: applied with server-side apply to the environment's cluster.
         */
        mode?: 'gitops' | 'kubernetes';
        /** Name of the GitOps repository (default `gitops`), created on first use. */
        gitopsRepository?: string;
        /** Owner of the GitOps repository on the embedded host (default `platform`). */
        gitopsOwner?: string;
        /** Branch Argo CD follows in the GitOps repository (default `main`). */
        gitopsBranch?: string;
      };
      /** Argo CD settings shared by every Application the golden path writes. */
      argocd?: {
        /** Namespace Argo CD runs in and reads Applications from (default `argocd`). */
        namespace?: string;
        /** Argo CD project of new Applications (default `default`). */
        project?: string;
        /**
         * Base URL of the Argo CD UI, for the "Argo CD application" link.
         * @visibility frontend
         */
        url?: string;
        /**
         * After each commit to the GitOps repository, annotate the environment's root Application
         * (paved-<environment>) with argocd.argoproj.io/refresh, so Argo CD syncs at once instead of
         * on its next poll. Needs `patch` on that Application on the environment's cluster. For the
         * embedded git host; with GitHub, GitLab or Gitea use their webhook to Argo CD instead.
         * Default false.
         */
        refreshOnPush?: boolean;
      };
      /** One entry per environment a developer may pick. */
      environments?: {
        [environment: string]: {
          /**
           * Cluster name: an entry of `kubernetes.clusterLocatorMethods` (kubernetes mode) and the
           * Argo CD destination name.
           */
          cluster: string;
          /** Argo CD destination server URL; when set it is used instead of the cluster name. */
          destinationServer?: string;
          /** Automated sync (prune and self-heal) for this environment; false means manual sync. */
          autoSync?: boolean;
        };
      };
      /** The self-service infrastructure offerings, each with its guardrails. */
      offerings?: {
        [offering: string]: {
          /** Shown to developers, for example "PostgreSQL". */
          title: string;
          /** apiVersion of the claim, for example platform.paved.dev/v1alpha1. */
          apiVersion: string;
          /** Kind of the claim, for example PostgreSQLInstance. */
          kind: string;
          /** Suffix of the claim's name after the service name (default `db`). */
          nameSuffix?: string;
          /** Regions a developer may choose; the first is the default. */
          regions: string[];
          /** Smallest storage allowed, in GB. */
          minStorageGB: number;
          /** Tiers a developer may choose. */
          tiers: {
            [tier: string]: {
              /** Largest storage this tier allows without approval, in GB. */
              maxStorageGB: number;
              /** True when the tier itself needs the platform team's approval. */
              requiresApproval?: boolean;
              /** What the tier is, for example "db.t3.medium". */
              description?: string;
            };
          };
          /** Boolean options (claim parameters) that need approval when turned on, e.g. multiAZ. */
          approvalOptions?: string[];
          /** Labels that select the Composition (`compositionSelector.matchLabels` of the claim). */
          compositionSelector?: { [label: string]: string };
          /** Where to ask for more than the guardrails allow (a channel, a URL). */
          approvalContact: string;
        };
      };
    };
  };
}
