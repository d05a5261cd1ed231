#!/usr/bin/env node
// Gives the portal read access to the cluster: creates (idempotently) the ServiceAccount
// paved-system/backstage with a read-only ClusterRole, requests a 7-day token for it, writes the
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
    const access = await grantBackstageAccess(client);
    log(
      `read-only token for paved-system/backstage on ${access.url}, valid until ${access.expiresAt}`,
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
