// What makes the local control plane run workloads: kube-controller-manager (Deployments become
// ReplicaSets and Pods, namespaces and owned objects are really deleted), kube-scheduler (Pods are
// bound to nodes) and KWOK with a few fake nodes (Pods go Pending -> Running/Ready -> Succeeded or
// deleted, as a kubelet would write them, with no container run). All three talk to kube-apiserver
// with the admin kubeconfig, like kubeadm's static pods do with theirs.

/** The fake nodes: sized like general-purpose cloud nodes, spread over two zones. */
export const FAKE_NODES = [
  { name: 'paved-node-1', zone: 'local-a' },
  { name: 'paved-node-2', zone: 'local-b' },
  { name: 'paved-node-3', zone: 'local-a' },
];
const NODE_CAPACITY = { cpu: '8', memory: '32Gi', pods: '110' };
// KWOK manages only the nodes carrying this annotation, so a real kubelet's node is never touched.
const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';
const FIELD_MANAGER = 'paved-k8s';

export function controllerManagerArgs(p) {
  return [
    `--kubeconfig=${p.kubeconfig}`,
    `--authentication-kubeconfig=${p.kubeconfig}`,
    `--authorization-kubeconfig=${p.kubeconfig}`,
    `--service-account-private-key-file=${p.saKey}`,
    `--root-ca-file=${p.caCrt}`,
    `--cluster-signing-cert-file=${p.caCrt}`,
    `--cluster-signing-key-file=${p.caKey}`,
    // One identity for every controller: per-controller service accounts need the token
    // controller to run first, which only slows a laptop's start.
    '--use-service-account-credentials=false',
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    // No metrics/health port: nothing scrapes it, and a fixed port would clash between state dirs.
    '--secure-port=0',
    // nodeipam allocates pod CIDRs for a cloud network that does not exist here; KWOK gives
    // Pods their IPs. Every other controller runs (nodelifecycle removes the not-ready taint).
    '--controllers=*,-nodeipam',
  ];
}

export function schedulerArgs(p) {
  return [
    `--kubeconfig=${p.kubeconfig}`,
    `--authentication-kubeconfig=${p.kubeconfig}`,
    `--authorization-kubeconfig=${p.kubeconfig}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    '--secure-port=0',
  ];
}

export function kwokArgs(p, stagesFile) {
  return [
    `--kubeconfig=${p.kubeconfig}`,
    `--config=${stagesFile}`,
    '--manage-all-nodes=false',
    `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
    // Pod IPs handed out by KWOK (what a CNI would do).
    '--cidr=10.244.0.1/16',
    '--node-ip=10.0.0.1',
    '--node-lease-duration-seconds=40',
  ];
}

function nodeBody({ name, zone }) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { [KWOK_NODE_ANNOTATION]: 'fake' },
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'paved.local-8x32',
        'topology.kubernetes.io/zone': zone,
        type: 'kwok',
      },
    },
  };
}

/** Registers the fake nodes (server-side apply, idempotent), with the capacity KWOK reports. */
export async function applyFakeNodes(api) {
  for (const node of FAKE_NODES) {
    const path = `/api/v1/nodes/${node.name}`;
    const opts = q => `?fieldManager=${FIELD_MANAGER}&force=true${q}`;
    const put = await api(
      'PATCH',
      `${path}${opts('&fieldValidation=Strict')}`,
      {
        body: JSON.stringify(nodeBody(node)),
        contentType: 'application/apply-patch+yaml',
      },
    );
    if (put.status >= 300)
      throw new Error(
        `registering node ${node.name} failed (${put.status}): ${
          put.json?.message || put.text
        }`,
      );
    const status = await api('PATCH', `${path}/status${opts('')}`, {
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: node.name },
        status: { capacity: NODE_CAPACITY, allocatable: NODE_CAPACITY },
      }),
      contentType: 'application/apply-patch+yaml',
    });
    if (status.status >= 300)
      throw new Error(
        `writing the capacity of node ${node.name} failed (${status.status}): ${
          status.json?.message || status.text
        }`,
      );
  }
}

/** Names of the fake nodes whose Ready condition is True. */
export async function readyFakeNodes(api) {
  const r = await api('GET', '/api/v1/nodes');
  return (r.json?.items ?? [])
    .filter(n => FAKE_NODES.some(f => f.name === n.metadata.name))
    .filter(n =>
      (n.status?.conditions ?? []).some(
        c => c.type === 'Ready' && c.status === 'True',
      ),
    )
    .map(n => n.metadata.name);
}
