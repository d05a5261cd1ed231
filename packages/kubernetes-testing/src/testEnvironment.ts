// Jest integration: a describe block that gets a real cluster and its own namespace, or is skipped
// (with one loud line) when no cluster can be had, or fails when CI requires one.
import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { findTestCluster, TEST_CLUSTER_ENV, TestCluster } from './cluster';

export interface KubernetesTestEnvironment {
  /** The test cluster's kubeconfig (admin rights on the local control plane). */
  readonly kubeConfig: KubeConfig;
  /** Path of that kubeconfig, for child processes (KUBECONFIG=...). */
  readonly kubeconfigPath: string;
  /** A namespace made for this describe block, unique per run. */
  readonly namespace: string;
}

const TEST_LABEL = 'paved.dev/test-suite';

function namespaceName(suite: string): string {
  const slug = suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  // Unique per run: on the local control plane a deleted namespace never really goes away.
  const unique = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return `t-${slug || 'suite'}-${unique}`;
}

/**
 * Registers beforeAll/afterAll hooks in the current describe block: creates a fresh namespace on
 * the given cluster and deletes it (best effort) afterwards. Prefer describeKubernetes, which also
 * decides whether the block runs at all.
 */
export function useKubernetesTestEnvironment(
  cluster: TestCluster & { available: true },
  suite: string,
): KubernetesTestEnvironment {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(cluster.kubeconfigPath);
  const namespace = namespaceName(suite);
  const core = kubeConfig.makeApiClient(CoreV1Api);

  beforeAll(async () => {
    await core.createNamespace({
      body: { metadata: { name: namespace, labels: { [TEST_LABEL]: 'true' } } },
    });
  });
  afterAll(async () => {
    // A real cluster's namespace controller then deletes what is inside; the local control plane
    // has none, so the namespace stays Terminating there (harmless: names are never reused).
    await core.deleteNamespace({ name: namespace }).catch(() => undefined);
  });

  return { kubeConfig, kubeconfigPath: cluster.kubeconfigPath, namespace };
}

let warned = false;

/**
 * `describe` for tests that need a Kubernetes API server. Runs the block against $KUBECONFIG's
 * cluster or the local control plane; skips it when neither exists, printing why and how to fix it;
 * throws instead when PAVED_REQUIRE_KUBERNETES=1 (CI), so that skipped tests cannot pass for run tests.
 */
export function describeKubernetes(
  name: string,
  body: (k8s: KubernetesTestEnvironment) => void,
): void {
  const cluster = findTestCluster();
  // The title is the caller's (a string literal there); the rules cannot see through the wrapper.
  if (cluster.available) {
    // eslint-disable-next-line jest/valid-title
    describe(name, () => {
      body(useKubernetesTestEnvironment(cluster, name));
    });
    return;
  }
  if (process.env.PAVED_REQUIRE_KUBERNETES === '1')
    throw new Error(
      `PAVED_REQUIRE_KUBERNETES=1 but there is no Kubernetes API server: ${cluster.reason}`,
    );
  // setupTestCluster (globalSetup) has already said why, once for the whole run.
  if (!warned && !process.env[TEST_CLUSTER_ENV.unavailable]) {
    warned = true;
    process.stderr.write(
      `\n!!! SKIPPING Kubernetes integration tests: ${cluster.reason}\n`,
    );
  }
  // Skipped on purpose, and said so above: Jest still lists the block's tests as skipped.
  // eslint-disable-next-line jest/valid-title, jest/no-disabled-tests
  describe.skip(name, () => {
    body({
      get kubeConfig(): KubeConfig {
        throw new Error('skipped: no cluster');
      },
      kubeconfigPath: '',
      namespace: '',
    });
  });
}
