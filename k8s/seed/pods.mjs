// A service's Pods: the spec its golden-path manifests give them, and the status a kubelet would
// report (Running, Ready, IPs, container state). No scheduler runs, so the seed picks a node; no Node
// objects exist behind those names.
import { HOUR, MINUTE, iso } from './clock.mjs';
import { randomStream, stableSuffix } from './random.mjs';
import { resourcesFor } from './sizing.mjs';

export const REGION = 'eu-central-1';
const NODES = 3;

const nodeName = n => `ip-10-0-1-${11 + n}.${REGION}.compute.internal`;
const nodeIP = n => `10.0.1.${11 + n}`;

export function podSpec(service, env, image, ns) {
  const volumes = [{ name: 'tmp', emptyDir: {} }];
  const mounts = [{ name: 'tmp', mountPath: '/tmp' }];
  if (service.databases.length) {
    volumes.push({
      name: 'data',
      persistentVolumeClaim: { claimName: `${service.name}-data` },
    });
    mounts.push({ name: 'data', mountPath: '/var/lib/app' });
  }
  return {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: 'app',
        image,
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        env: [
          { name: 'PORT', value: '8080' },
          { name: 'OTEL_SERVICE_NAME', value: service.name },
          {
            name: 'OTEL_RESOURCE_ATTRIBUTES',
            value: `deployment.environment.name=${env},service.namespace=${ns}`,
          },
        ],
        resources: resourcesFor(service, env),
        livenessProbe: {
          httpGet: { path: '/healthz', port: 'http' },
          periodSeconds: 10,
        },
        readinessProbe: {
          httpGet: { path: '/readyz', port: 'http' },
          periodSeconds: 5,
        },
        volumeMounts: mounts,
      },
    ],
    volumes,
  };
}

function podStatus(service, nodeIndex, rng, image, startedAt, now) {
  const ip = `10.244.${nodeIndex}.${rng.int(2, 250)}`;
  const condition = type => ({
    type,
    status: 'True',
    lastTransitionTime: iso(startedAt),
  });
  // Some replicas of the ML services (they load big models) were OOM-killed once and restarted, as
  // happens on real clusters; the Kubernetes tab reports such restarts as errors.
  const restarted =
    service.tags.includes('ml') &&
    rng.chance(0.5) &&
    now - startedAt > 2 * HOUR;
  const runningSince = restarted
    ? startedAt + rng.int(60, (now - startedAt) / MINUTE - 30) * MINUTE
    : startedAt;
  return {
    phase: 'Running',
    conditions: [
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ].map(condition),
    hostIP: nodeIP(nodeIndex),
    hostIPs: [{ ip: nodeIP(nodeIndex) }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: iso(startedAt),
    containerStatuses: [
      {
        name: 'app',
        ready: true,
        started: true,
        restartCount: restarted ? 1 : 0,
        image,
        imageID: `${image.split(':')[0]}@sha256:${rng.hex(64)}`,
        containerID: `containerd://${rng.hex(64)}`,
        state: { running: { startedAt: iso(runningSince + 4000) } },
        lastState: restarted
          ? {
              terminated: {
                exitCode: 137,
                reason: 'OOMKilled',
                startedAt: iso(startedAt + 4000),
                finishedAt: iso(runningSince),
              },
            }
          : {},
      },
    ],
  };
}

/** The ReplicaSet's Pods as plan items, owned by it; names and nodes are stable for a given template. */
export function podItems({
  service,
  namespace: ns,
  template,
  replicaSet,
  hash,
  replicas,
  deployed,
  now,
}) {
  const { labels } = template.metadata;
  const image = template.spec.containers[0].image;
  const items = [];
  for (let i = 0; i < replicas; i++) {
    const podName = `${replicaSet}-${stableSuffix(`${replicaSet}/${i}`)}`;
    // One stream per Pod: its spec (nodeName) must never change once it exists.
    const rng = randomStream(`pod/${podName}`);
    const nodeIndex = rng.int(0, NODES - 1);
    const startedAt = deployed.time + rng.int(5, 40) * 1000;
    const status = podStatus(service, nodeIndex, rng, image, startedAt, now);
    items.push({
      owner: {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        namespace: ns,
        name: replicaSet,
      },
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace: ns,
          labels: { ...labels, 'pod-template-hash': hash },
          annotations: template.metadata.annotations,
        },
        // Set directly, as the scheduler would have: no scheduler runs, and no Node objects exist.
        spec: { ...template.spec, nodeName: nodeName(nodeIndex) },
      },
      status: () => status,
    });
  }

  return items;
}
