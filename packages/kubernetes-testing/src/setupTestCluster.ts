// Jest globalSetup (see this package's package.json "jest" field): finds or starts the test cluster
// once per test run instead of once per test file, and says once, not per file, when there is none.
// Other packages can use it the same way; describeKubernetes also works without it.
import { findTestCluster, TEST_CLUSTER_ENV } from './cluster';

export default async function setupTestCluster(): Promise<void> {
  const cluster = findTestCluster();
  if (cluster.available) {
    // Test files run in worker processes, which inherit this environment.
    process.env[TEST_CLUSTER_ENV.kubeconfig] = cluster.kubeconfigPath;
    process.env[TEST_CLUSTER_ENV.source] = cluster.source;
    return;
  }
  if (process.env.PAVED_REQUIRE_KUBERNETES === '1')
    throw new Error(
      `PAVED_REQUIRE_KUBERNETES=1 but there is no Kubernetes API server: ${cluster.reason}`,
    );
  process.stderr.write(
    `\n!!! SKIPPING Kubernetes integration tests: ${cluster.reason}\n`,
  );
  process.env[TEST_CLUSTER_ENV.unavailable] = cluster.reason;
}
