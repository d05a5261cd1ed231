#!/usr/bin/env node
// Stops the local control plane: kube-apiserver first (SIGTERM, bounded wait, then SIGKILL), then etcd.
// Idempotent. Keeps the state dir (certificates, etcd data: the demo state survives a restart) unless
// --purge is given, which deletes it.
//
//   node k8s/scripts/down.mjs [--purge]
import { down } from './lib/control.mjs';

down({ purge: process.argv.includes('--purge') }).catch(e => {
  console.error(`k8s down failed: ${e.message}`);
  process.exit(1);
});
