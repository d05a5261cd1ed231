// What runs in one service's namespace in one environment: the Namespace, a Deployment, the ReplicaSet
// its controller would have made, that ReplicaSet's Pods, a Service and (for services with a database)
// a PersistentVolumeClaim. No controllers or kubelet run on the demo cluster, so every status here is
// the one they would have written; the seed writes it through the /status subresource.
import { iso } from './clock.mjs';
import { podItems, podSpec } from './pods.mjs';
import { randomStream, stableSuffix } from './random.mjs';
import { replicasFor, volumeSizeFor } from './sizing.mjs';

const REGISTRY = 'registry.paved.example';

function volumeNameFor(ns) {
  const r = randomStream(`volume-name/${ns}`);
  return `pvc-${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.hex(4)}-${r.hex(12)}`;
}

/** Argo CD 3.x tracks what an application manages with this annotation. */
const tracking = (appName, group, kind, namespace, name) => ({
  'argocd.argoproj.io/tracking-id': `${appName}:${group}/${kind}:${namespace}/${name}`,
});

export function imageFor(service, revision) {
  return `${REGISTRY}/${service.team}/${service.name}:${revision.slice(0, 7)}`;
}

function labelsFor(service, env) {
  return {
    'app.kubernetes.io/name': service.name,
    'backstage.io/kubernetes-id': service.name,
    'paved.dev/environment': env,
    'paved.dev/team': service.team,
  };
}

/**
 * Plan items for one service in one environment. `deployed` is what Argo CD last synced there:
 * { revision, time (ms), number (deployment revision) }; `now` is the seed's now (ms).
 */
export function workloadItems(service, envInfo, deployed, now) {
  const { env, namespace: ns, appName } = envInfo;
  const name = service.name;
  const labels = labelsFor(service, env);
  const replicas = replicasFor(service, env);
  const image = imageFor(service, deployed.revision);
  const template = {
    metadata: {
      labels,
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '8080',
      },
    },
    spec: podSpec(service, env, image, ns),
  };
  // Like the Deployment controller's pod-template-hash: a new template means a new ReplicaSet and new
  // Pods (a Pod's spec cannot be changed in place).
  const hash = stableSuffix(`${ns}/${JSON.stringify(template)}`, 10);
  const rsName = `${name}-${hash}`;
  const readyStatus = {
    replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
  };
  const at = iso(deployed.time);

  const items = [
    {
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns,
          labels: {
            'backstage.io/kubernetes-id': name,
            'paved.dev/team': service.team,
            'paved.dev/environment': env,
          },
        },
      },
    },
    {
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name,
          namespace: ns,
          labels,
          annotations: {
            'deployment.kubernetes.io/revision': String(deployed.number),
            ...tracking(appName, 'apps', 'Deployment', ns, name),
          },
        },
        spec: {
          replicas,
          revisionHistoryLimit: 5,
          selector: { matchLabels: { 'app.kubernetes.io/name': name } },
          template,
        },
      },
      status: applied => ({
        observedGeneration: applied.metadata.generation,
        ...readyStatus,
        updatedReplicas: replicas,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: at,
            lastTransitionTime: at,
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${rsName}" has successfully progressed.`,
            lastUpdateTime: at,
            lastTransitionTime: at,
          },
        ],
      }),
    },
    {
      owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name },
      object: {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: rsName,
          namespace: ns,
          labels: { ...labels, 'pod-template-hash': hash },
          annotations: {
            'deployment.kubernetes.io/revision': String(deployed.number),
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(replicas + 1),
          },
        },
        spec: {
          replicas,
          selector: {
            matchLabels: {
              'app.kubernetes.io/name': name,
              'pod-template-hash': hash,
            },
          },
          template: {
            ...template,
            metadata: {
              ...template.metadata,
              labels: { ...labels, 'pod-template-hash': hash },
            },
          },
        },
      },
      status: applied => ({
        observedGeneration: applied.metadata.generation,
        ...readyStatus,
        fullyLabeledReplicas: replicas,
      }),
    },
  ];

  items.push(
    ...podItems({
      service,
      namespace: ns,
      template,
      replicaSet: rsName,
      hash,
      replicas,
      deployed,
      now,
    }),
  );

  items.push({
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name,
        namespace: ns,
        labels,
        annotations: tracking(appName, '', 'Service', ns, name),
      },
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/name': name },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        ],
      },
    },
  });

  if (service.databases.length) {
    const size = volumeSizeFor(service, env);
    const pvcName = `${name}-data`;
    items.push({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: pvcName,
          namespace: ns,
          labels,
          annotations: tracking(
            appName,
            '',
            'PersistentVolumeClaim',
            ns,
            pvcName,
          ),
        },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: size } },
          // What the provisioner would have bound it to (no provisioner runs; no PV object exists).
          volumeName: volumeNameFor(ns),
        },
      },
      status: () => ({
        phase: 'Bound',
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: size },
      }),
    });
  }
  return items;
}
