// Kubernetes access for the golden-path actions: the clusters configured for Backstage's Kubernetes
// plugin, server-side apply to them, and errors that name the cluster, the resource and the fix.
export {
  CLUSTERS_CONFIG_KEY,
  findCluster,
  kubeConfigForCluster,
  readClusters,
} from './clusters';
export type { ClusterDetails } from './clusters';
export { withRequestDeadlines } from './requestDeadlines';
export {
  createManifestApplier,
  DEFAULT_FIELD_MANAGER,
  DEFAULT_TIMEOUT_MS,
} from './applyManifest';
export type {
  ApplyManifestRequest,
  ApplyManifestResult,
  GetObjectRequest,
  ManifestApplier,
  ManifestApplierOptions,
} from './applyManifest';
export {
  describeKubernetesError,
  describeResource,
  KubernetesApiError,
} from './describeKubernetesError';
export type {
  KubernetesErrorContext,
  KubernetesStatusCause,
} from './describeKubernetesError';
