// The GitOps repository's app-of-apps layout. Argo CD is pointed once, per environment, at
// bootstrap/<environment>.yaml; from then on every file under apps/<environment>/ is synced.
import { stringify } from 'yaml';
import { GoldenPathConfig } from '../config/goldenPathConfig';

export const applicationPath = (environment: string, name: string) =>
  `apps/${environment}/${name}.yaml`;

/** The root Application of an environment (bootstrap/<environment>.yaml): syncs apps/<environment>/. */
export const rootApplicationName = (environment: string) =>
  `paved-${environment}`;

/** The environment a file under apps/<environment>/ belongs to. */
export const environmentOfPath = (path: string): string | undefined =>
  /^apps\/([^/]+)\//.exec(path)?.[1];

export const claimPath = (
  environment: string,
  service: string,
  kind: string,
  name: string,
) => `apps/${environment}/${service}/${kind.toLowerCase()}-${name}.yaml`;

export function toYaml(manifest: object): string {
  return stringify(manifest, { lineWidth: 0 });
}

/** Files of a new GitOps repository: a README and one root Application per environment. */
export function initialGitopsFiles(
  config: Pick<GoldenPathConfig, 'argocd' | 'environments'>,
  cloneUrl: string,
  branch: string,
) {
  const files: { path: string; content: string }[] = [
    {
      path: 'README.md',
      content: [
        '# GitOps repository',
        '',
        'Written by the Paved golden path; synced by Argo CD (app of apps).',
        '',
        '- `bootstrap/<environment>.yaml`: the root Application of an environment. Apply it once',
        '  to the Argo CD of that environment: `kubectl apply -n argocd -f bootstrap/dev.yaml`.',
        '- `apps/<environment>/<service>.yaml`: one Application per service.',
        '- `apps/<environment>/<service>/`: the infrastructure claims of that service.',
        '',
      ].join('\n'),
    },
  ];
  for (const [environment, env] of Object.entries(config.environments)) {
    files.push({
      path: `bootstrap/${environment}.yaml`,
      content: toYaml({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: rootApplicationName(environment),
          namespace: config.argocd.namespace,
        },
        spec: {
          project: config.argocd.project,
          source: {
            repoURL: cloneUrl,
            path: `apps/${environment}`,
            targetRevision: branch,
            directory: { recurse: true },
          },
          destination: {
            ...(env.destinationServer
              ? { server: env.destinationServer }
              : { name: env.cluster }),
            namespace: config.argocd.namespace,
          },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      }),
    });
  }
  return files;
}
