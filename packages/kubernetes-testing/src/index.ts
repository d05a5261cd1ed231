/**
 * Test helpers for code that talks to Kubernetes: a real API server ($KUBECONFIG, else the
 * repository's local control plane) and a fresh namespace per describe block.
 *
 * @packageDocumentation
 */
export { findTestCluster } from './cluster';
export type { TestCluster } from './cluster';
export {
  describeKubernetes,
  useKubernetesTestEnvironment,
} from './testEnvironment';
export type { KubernetesTestEnvironment } from './testEnvironment';
export { rejectionOf } from './apiErrors';
export type { KubernetesRejection } from './apiErrors';
export { waitFor } from './waitFor';
export { chartClusterRules, chartArgocdRules } from './chartRules';
