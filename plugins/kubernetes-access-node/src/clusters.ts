// The clusters the golden path may write to: the same `kubernetes.clusterLocatorMethods` entries
// (type `config`) that Backstage's Kubernetes plugin reads, so a platform team configures a cluster
// once. The golden path writes with the cluster's own service-account token: it has no user to
// act on behalf of, so only `authProvider: serviceAccount` clusters can be used for writing.
import { existsSync } from 'node:fs';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';

/** Where the clusters are configured, for error messages. */
export const CLUSTERS_CONFIG_KEY = 'kubernetes.clusterLocatorMethods';

/** Where a pod's own service-account token is mounted (used when no token is configured). */
export const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * One cluster of a `type: config` cluster locator, as configured. The token is a secret: never log
 * this object as a whole (log `name` and `url`).
 */
export interface ClusterDetails {
  name: string;
  title?: string;
  /** The API server's URL, e.g. https://10.0.0.1:6443. */
  url: string;
  /** As configured; only 'serviceAccount' can be used by the golden path (see kubeConfigForCluster). */
  authProvider: string;
  serviceAccountToken?: string;
  /** Base64-encoded PEM of the API server's CA, as in a kubeconfig's certificate-authority-data. */
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** The config key of this cluster, e.g. kubernetes.clusterLocatorMethods[0].clusters[1]. */
  configKey: string;
}

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';

/**
 * Reads every cluster of the `type: config` cluster locators in `kubernetes.clusterLocatorMethods`.
 * Other locator types (catalog, gke, localKubectlProxy) are skipped: they hold no credentials the
 * golden path could write with. Throws, naming the config key, when a cluster has no name or url, an
 * invalid url, or a name used twice. Clusters with another authProvider are returned as they are:
 * the Kubernetes plugin may use them for reading; using one for writing fails in kubeConfigForCluster.
 */
export function readClusters(config: Config): ClusterDetails[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const clusters: ClusterDetails[] = [];
  methods.forEach((method, methodIndex) => {
    if (method.getOptionalString('type') !== 'config') return;
    const entries = method.getOptionalConfigArray('clusters') ?? [];
    entries.forEach((entry, clusterIndex) => {
      const configKey = `${CLUSTERS_CONFIG_KEY}[${methodIndex}].clusters[${clusterIndex}]`;
      clusters.push(readCluster(entry, configKey));
    });
  });
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name))
      throw new Error(
        `The cluster name '${cluster.name}' is configured twice in ${CLUSTERS_CONFIG_KEY} (again at ${cluster.configKey}): cluster names must be unique`,
      );
    seen.add(cluster.name);
  }
  return clusters;
}

function readCluster(entry: Config, configKey: string): ClusterDetails {
  const name = entry.getOptionalString('name');
  if (!name)
    throw new Error(
      `The cluster at ${configKey} has no name: set ${configKey}.name in app-config`,
    );
  const url = entry.getOptionalString('url');
  if (!url)
    throw new Error(
      `The cluster '${name}' has no url: set ${configKey}.url in app-config to its API server's address (e.g. https://kubernetes.example.com:6443)`,
    );
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(
      `The cluster '${name}' has an invalid url '${url}' at ${configKey}.url: it must be the API server's address, e.g. https://kubernetes.example.com:6443`,
    );
  }
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new Error(
      `The cluster '${name}' has url '${url}' at ${configKey}.url: only https:// (or http:// with skipTLSVerify) API servers are supported`,
    );
  // Read as a plain object: its keys (kubernetes.io/auth-provider) are not valid config keys.
  const authMetadata =
    entry.getOptional<Record<string, unknown>>('authMetadata') ?? {};
  const metadataString = (key: string) =>
    typeof authMetadata[key] === 'string'
      ? (authMetadata[key] as string)
      : undefined;
  const authProvider =
    metadataString(AUTH_PROVIDER_ANNOTATION) ??
    entry.getOptionalString('authProvider');
  if (!authProvider)
    throw new Error(
      `The cluster '${name}' has no authProvider: set ${configKey}.authProvider in app-config (the golden path supports 'serviceAccount')`,
    );
  return {
    name,
    ...(entry.has('title') ? { title: entry.getString('title') } : {}),
    url,
    authProvider,
    serviceAccountToken:
      entry.getOptionalString('serviceAccountToken') ??
      metadataString('serviceAccountToken'),
    caData: entry.getOptionalString('caData'),
    caFile: entry.getOptionalString('caFile'),
    skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
    configKey,
  };
}

/**
 * The cluster called `name`. Throws an InputError listing the configured clusters when there is
 * none of that name.
 */
export function findCluster(config: Config, name: string): ClusterDetails {
  const clusters = readClusters(config);
  const cluster = clusters.find(c => c.name === name);
  if (cluster) return cluster;
  const known = clusters.length
    ? `The configured clusters are: ${clusters
        .map(c => `'${c.name}'`)
        .join(', ')}`
    : 'No cluster is configured';
  throw new InputError(
    `There is no Kubernetes cluster named '${name}'. ${known}. Clusters are configured in app-config under ${CLUSTERS_CONFIG_KEY} (an entry with type: config and clusters: [{ name, url, authProvider: serviceAccount, serviceAccountToken, caData or caFile }])`,
  );
}

/**
 * A KubeConfig that reaches the cluster with its service-account token (or, with no token
 * configured, with the token of the pod this backend runs in, as Backstage's Kubernetes plugin
 * does). Throws when the cluster uses another authProvider.
 */
export function kubeConfigForCluster(
  cluster: ClusterDetails,
  { inClusterTokenFile = IN_CLUSTER_TOKEN_FILE } = {},
): KubeConfig {
  if (cluster.authProvider !== 'serviceAccount')
    throw new InputError(
      `The cluster '${cluster.name}' uses authProvider '${cluster.authProvider}', but the golden path writes to clusters only with a service account token: set ${cluster.configKey}.authProvider to 'serviceAccount' and ${cluster.configKey}.serviceAccountToken to a token of a service account allowed to apply the golden path's resources (or configure another cluster entry for the golden path)`,
    );
  if (cluster.caFile && !existsSync(cluster.caFile))
    throw new InputError(
      `The cluster '${cluster.name}' has caFile '${cluster.caFile}' (${cluster.configKey}.caFile), which does not exist on the backend's machine`,
    );
  let user: { name: string; token?: string; authProvider?: object };
  if (cluster.serviceAccountToken) {
    user = { name: 'golden-path', token: cluster.serviceAccountToken };
  } else if (existsSync(inClusterTokenFile)) {
    // client-node re-reads the file when the kubelet rotates the token.
    user = {
      name: 'golden-path',
      authProvider: {
        name: 'tokenFile',
        config: { tokenFile: inClusterTokenFile },
      },
    };
  } else {
    throw new InputError(
      `The cluster '${cluster.name}' has no serviceAccountToken, and this backend does not run in a Kubernetes pod whose token could be used instead (no ${inClusterTokenFile}): set ${cluster.configKey}.serviceAccountToken in app-config`,
    );
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [user],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: user.name }],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
