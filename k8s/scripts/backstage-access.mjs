#!/usr/bin/env node
// Gives the portal read access to the cluster (with --kubernetes-delivery, also the golden path's
// writes, as the chart grants them in that mode): creates (idempotently) the ServiceAccount
// paved-system/backstage with the chart's ClusterRole, requests a 7-day token for it, writes the
// cluster's CA to .paved/backstage-access/ca.crt and prints, as one JSON line on stdout,
//
//   { "url": ..., "token": ..., "caFile": ..., "expiresAt": ... }
//
// which app-config.demo.yaml reads as PAVED_K8S_URL, PAVED_K8S_TOKEN and PAVED_K8S_CA_FILE.
// The cluster is $KUBECONFIG's, else the local control plane (started when not running).
import { grantBackstageAccess } from './lib/backstage-access.mjs';
import { log } from './lib/common.mjs';
import { kubeClient, resolveKubeconfig } from './lib/kube-client.mjs';

async function main() {
  const client = await kubeClient(await resolveKubeconfig());
  try {
    // --kubernetes-delivery: the chart's rules for delivery.mode=kubernetes (the golden path's writes).
    const kubernetesDelivery = process.argv.includes('--kubernetes-delivery');
    const access = await grantBackstageAccess(client, { kubernetesDelivery });
    log(
      `${
        kubernetesDelivery ? 'read and kubernetes-delivery' : 'read-only'
      } token for paved-system/backstage on ${access.url}, valid until ${
        access.expiresAt
      }`,
    );
    process.stdout.write(`${JSON.stringify(access)}\n`);
  } finally {
    client.close();
  }
}

main().catch(e => {
  console.error(`backstage access failed: ${e.message}`);
  process.exit(1);
});
