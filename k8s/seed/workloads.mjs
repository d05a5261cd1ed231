// What runs in one service's namespace in one environment: the Namespace, a Deployment, a Service and
// (for services with a database) a PersistentVolumeClaim with the volume it is bound to. The seed
// writes specs only: the cluster's own controllers make the ReplicaSets and Pods, KWOK's fake
// kubelet runs them and the volume controller binds the claim, so every status is one they wrote.
import { podSpec } from './pods.mjs';
import { randomStream } from './random.mjs';
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
 * { revision, time (ms), number (deployment revision) }.
 */
export function workloadItems(service, envInfo, deployed) {
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
          annotations: tracking(appName, 'apps', 'Deployment', ns, name),
        },
        spec: {
          replicas,
          revisionHistoryLimit: 5,
          selector: { matchLabels: { 'app.kubernetes.io/name': name } },
          template,
        },
      },
    },
  ];

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
    const volumeName = volumeNameFor(ns);
    // The volume a CSI provisioner would have made for the claim (static here: no provisioner
    // runs). The volume controller binds the two, as it does for a pre-provisioned disk.
    items.push({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: volumeName, labels },
        spec: {
          capacity: { storage: size },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: 'gp3',
          csi: {
            driver: 'ebs.csi.aws.com',
            volumeHandle: `vol-${randomStream(`volume/${ns}`).hex(17)}`,
            fsType: 'ext4',
          },
          claimRef: { namespace: ns, name: pvcName },
        },
      },
    });
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
          volumeName,
        },
      },
    });
  }
  return items;
}
