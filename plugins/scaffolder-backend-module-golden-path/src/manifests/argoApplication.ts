// The Argo CD Application (argoproj.io/v1alpha1, as served by Argo CD 3.x) for one service in one
// environment: it syncs the service repository's k8s/ folder into the service's namespace.
import {
  EnvironmentConfig,
  GoldenPathConfig,
} from '../config/goldenPathConfig';

export interface ApplicationInput {
  name: string;
  environment: string;
  owner: string;
  repoUrl: string;
  path: string;
  revision: string;
  taskId: string;
}

export const APPLICATION_API = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
};

export function argoApplicationManifest(
  config: Pick<GoldenPathConfig, 'argocd'>,
  env: EnvironmentConfig,
  input: ApplicationInput,
) {
  const name = `${input.name}-${input.environment}`;
  return {
    ...APPLICATION_API,
    metadata: {
      name,
      namespace: config.argocd.namespace,
      labels: {
        'app.kubernetes.io/part-of': input.name,
        'backstage.io/kubernetes-id': input.name,
        'paved.dev/environment': input.environment,
      },
      annotations: {
        'paved.dev/owner': input.owner,
        'paved.dev/scaffolder-task': input.taskId,
      },
      // Deleting the Application also deletes what it deployed.
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: config.argocd.project,
      source: {
        repoURL: input.repoUrl,
        path: input.path,
        targetRevision: input.revision,
      },
      destination: {
        ...(env.destinationServer
          ? { server: env.destinationServer }
          : { name: env.cluster }),
        namespace: name,
      },
      syncPolicy: {
        ...(env.autoSync ? { automated: { prune: true, selfHeal: true } } : {}),
        // Argo CD creates the namespace with the labels the portal finds it by; the service's
        // repository does not declare it (the GitOps repository does, next to its claims).
        syncOptions: ['CreateNamespace=true'],
        managedNamespaceMetadata: {
          labels: {
            'app.kubernetes.io/part-of': input.name,
            'backstage.io/kubernetes-id': input.name,
            'paved.dev/environment': input.environment,
          },
        },
      },
    },
  };
}
