#!/usr/bin/env node
// Fills a Kubernetes API server with a demo platform that matches catalog/: per service and
// environment a namespace with a Deployment, a Service and (with a database) a PersistentVolumeClaim
// and its volume; Argo CD AppProjects and Applications with 90 days of deploy history; Crossplane
// PostgreSQLInstance claims. The cluster's controllers turn the Deployments into ReplicaSets and
// Pods, which KWOK's fake nodes run. Deterministic and idempotent (server-side apply).
//
//   node k8s/seed/seed.mjs            seed $KUBECONFIG's cluster, or the local control plane
//   node k8s/seed/seed.mjs --print    print the objects as JSON instead (no cluster needed)
//   node k8s/seed/seed.mjs --force    also seed a cluster whose context does not look disposable
//
// Environment: KUBECONFIG; PAVED_SEED_NOW (ISO time the demo treats as "now", default in clock.mjs).
import { formatDuration, log } from '../scripts/lib/common.mjs';
import { kubeClient, resolveKubeconfig } from '../scripts/lib/kube-client.mjs';
import { applyPlan } from './apply.mjs';
import { readCatalog } from './catalog.mjs';
import { seedNow } from './clock.mjs';
import { buildPlan, printablePlan } from './plan.mjs';

// Contexts of the local control plane and of the usual laptop clusters. Elsewhere --force is needed:
// the seed creates ~30 namespaces and Argo CD Applications, which a shared cluster should not get.
const DISPOSABLE_CONTEXT =
  /^(paved-local|kind-.+|k3d-.+|minikube|docker-desktop|rancher-desktop|orbstack)$/;

function countPlan(plan) {
  const objects = printablePlan(plan);
  const count = kind => objects.filter(o => o.kind === kind).length;
  return {
    namespaces: count('Namespace'),
    deployments: count('Deployment'),
    replicas: objects
      .filter(o => o.kind === 'Deployment')
      .reduce((sum, d) => sum + d.spec.replicas, 0),
    services: count('Service'),
    pvcs: count('PersistentVolumeClaim'),
    volumes: count('PersistentVolume'),
    appProjects: count('AppProject'),
    applications: count('Application'),
    historyEntries: objects
      .filter(o => o.kind === 'Application')
      .reduce((sum, app) => sum + (app.status.history?.length ?? 0), 0),
    claims: count('PostgreSQLInstance'),
  };
}

async function main(args) {
  const started = Date.now();
  const plan = buildPlan(readCatalog(), seedNow());
  if (args.includes('--print')) {
    process.stdout.write(`${JSON.stringify(printablePlan(plan), null, 2)}\n`);
    return;
  }
  const client = await kubeClient(await resolveKubeconfig());
  try {
    if (!DISPOSABLE_CONTEXT.test(client.context) && !args.includes('--force'))
      throw new Error(
        `refusing to seed context "${client.context}" (${client.server}): it does not look like a ` +
          'disposable local cluster. Unset KUBECONFIG to use the local control plane, or pass --force.',
      );
    log(`seeding ${client.server} (context ${client.context})`);
    const stats = await applyPlan(client, plan);
    const counts = countPlan(plan);
    log(
      `done in ${formatDuration(Date.now() - started)}: ${
        stats.created
      } created, ${stats.changed.length} changed, ${
        stats.unchanged
      } unchanged, ${
        stats.pruned
      } pods/replicasets an older seed wrote deleted (the controllers make them now)`,
    );
    if (stats.changed.length) log(`changed: ${stats.changed.join(', ')}`);
    for (const [what, n] of Object.entries(counts))
      process.stdout.write(`${what.padEnd(16)} ${n}\n`);
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).catch(e => {
  console.error(`k8s seed failed: ${e.message}`);
  process.exit(1);
});
