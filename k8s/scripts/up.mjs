#!/usr/bin/env node
// Starts the local control plane (etcd + kube-apiserver on 127.0.0.1), building the binaries first if
// this machine has none cached, applies the platform's CRDs and objects from platform/, and prints the
// admin kubeconfig path as the LAST line of stdout (progress goes to stderr):
//
//   export KUBECONFIG=$(node k8s/scripts/up.mjs)
//
// Idempotent: when it is already running and ready, it only prints the path.
// State (certificates, etcd data, logs, pid files, kubeconfig): $PAVED_K8S_DIR or <repo>/.paved/k8s.
// Environment: PAVED_K8S_PORT (fixed API server port), PAVED_K8S_READY_TIMEOUT_MS (default 60000).
import { up } from './lib/control.mjs';

up()
  .then(kubeconfig => {
    process.stdout.write(`${kubeconfig}\n`);
  })
  .catch(e => {
    console.error(`k8s up failed: ${e.message}`);
    process.exit(1);
  });
