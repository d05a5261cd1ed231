// Argo CD's view of the demo platform: one AppProject per team and one Application per service and
// environment, with the status an application controller would have written (sync, health, 90 days of
// history, the last operation). Argo CD's CRD has no status subresource (its controller writes status
// with the object), so the status is part of the object the seed applies.
import { iso } from './clock.mjs';

export const ARGOCD_NAMESPACE = 'argocd';
const IN_CLUSTER = 'https://kubernetes.default.svc';
// Argo CD keeps 10 history entries by default; the demo keeps the whole window, because the adoption
// metrics (deployment frequency, change failure rate) are computed from it.
const HISTORY_LIMIT = 500;

function projectItem(team, services) {
  return {
    object: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: {
        name: team,
        namespace: ARGOCD_NAMESPACE,
        labels: { 'paved.dev/team': team },
      },
      spec: {
        description: `Services of the ${team} team.`,
        sourceRepos: services.map(s => s.repoURL),
        destinations: services.flatMap(s =>
          s.environments.map(e => ({
            server: IN_CLUSTER,
            namespace: e.namespace,
          })),
        ),
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
        namespaceResourceWhitelist: [{ group: '*', kind: '*' }],
      },
    },
  };
}

function managedResources(service, ns, health) {
  const resource = (group, kind, name) => ({
    group,
    version: 'v1',
    kind,
    namespace: ns,
    name,
    status: 'Synced',
    health: { status: 'Healthy' },
  });
  const resources = [
    resource('', 'Service', service.name),
    resource('apps', 'Deployment', service.name),
  ];
  if (service.databases.length)
    resources.push(
      resource('', 'PersistentVolumeClaim', `${service.name}-data`),
    );
  if (health.status === 'Degraded')
    resources.push({
      ...resource('batch', 'Job', `${service.name}-db-migrate`),
      status: 'OutOfSync',
      health: { status: 'Degraded', message: health.message },
    });
  return resources;
}

function applicationStatus(service, envInfo, timeline, image, now) {
  const { operation, source } = timeline;
  const destination = { server: IN_CLUSTER, namespace: envInfo.namespace };
  const lastChange = operation ? operation.finishedAt : iso(now.getTime());
  const health = {
    status: timeline.health,
    ...(timeline.healthMessage ? { message: timeline.healthMessage } : {}),
    lastTransitionTime: lastChange,
  };
  const resources = managedResources(service, envInfo.namespace, health);
  return {
    sync: {
      status: timeline.sync,
      revision:
        timeline.sync === 'Synced' ? timeline.running : operation.revision,
      comparedTo: { source, destination },
    },
    health,
    history: timeline.history,
    ...(operation && {
      operationState: {
        operation: {
          sync: {
            revision: operation.revision,
            syncOptions: ['ServerSideApply=true'],
          },
          initiatedBy: operation.initiatedBy,
          retry: { limit: 5 },
        },
        phase: operation.phase,
        message: operation.message,
        startedAt: operation.startedAt,
        finishedAt: operation.finishedAt,
        syncResult: {
          revision: operation.revision,
          source,
          resources: resources.map(r => ({
            group: r.group,
            version: r.version,
            kind: r.kind,
            namespace: r.namespace,
            name: r.name,
            status: operation.phase === 'Succeeded' ? 'Synced' : 'SyncFailed',
            message:
              operation.phase === 'Succeeded'
                ? `${r.kind.toLowerCase()}/${r.name} serverside-applied`
                : operation.message,
            syncPhase: 'Sync',
          })),
        },
      },
    }),
    reconciledAt: iso(now.getTime()),
    sourceType: 'Kustomize',
    summary: { images: [image] },
    resources,
    controllerNamespace: ARGOCD_NAMESPACE,
  };
}

function applicationItem(service, envInfo, timeline, image, now) {
  const { env, appName, namespace } = envInfo;
  return {
    object: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: appName,
        namespace: ARGOCD_NAMESPACE,
        labels: {
          'backstage.io/kubernetes-id': service.name,
          'paved.dev/team': service.team,
          'paved.dev/environment': env,
        },
      },
      spec: {
        project: service.team,
        source: timeline.source,
        destination: { server: IN_CLUSTER, namespace },
        revisionHistoryLimit: HISTORY_LIMIT,
        // Production is promoted by a person; dev and staging follow git on their own.
        syncPolicy:
          env === 'production'
            ? { syncOptions: ['ServerSideApply=true'] }
            : {
                automated: { prune: true, selfHeal: true },
                syncOptions: ['ServerSideApply=true'],
              },
      },
      status: applicationStatus(service, envInfo, timeline, image, now),
    },
  };
}

/** The argocd namespace, the teams' AppProjects and every service's Applications. */
export function argocdItems(services, timelines, images, now) {
  const items = [
    {
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ARGOCD_NAMESPACE,
          labels: { 'app.kubernetes.io/part-of': 'argocd' },
        },
      },
    },
  ];
  const teams = [...new Set(services.map(s => s.team))].sort();
  for (const team of teams)
    items.push(
      projectItem(
        team,
        services.filter(s => s.team === team),
      ),
    );
  for (const service of services)
    for (const envInfo of service.environments)
      items.push(
        applicationItem(
          service,
          envInfo,
          timelines[service.name][envInfo.env],
          images[envInfo.namespace],
          now,
        ),
      );
  return items;
}
