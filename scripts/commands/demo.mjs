// `./paved demo`: the portal on the local platform (k8s/): a Kubernetes API server with its
// controllers and KWOK's fake nodes, the demo state, and Argo CD syncing what Create commits to the
// embedded git host. The cluster is $KUBECONFIG's when set (the seed refuses clusters that do not look
// disposable), else the local control plane, built once per machine. Then the portal starts as
// `./paved start` does, with app-config.demo.yaml layered on app-config.yaml.
import { startPortal } from './start.mjs';
import {
  PLATFORM_CONFIG_ARGS,
  startLocalPlatform,
} from '../lib/localPlatform.mjs';

export async function startDemo(env) {
  const { portalEnv } = await startLocalPlatform(env);
  await startPortal({ ...env, ...portalEnv }, PLATFORM_CONFIG_ARGS);
}
