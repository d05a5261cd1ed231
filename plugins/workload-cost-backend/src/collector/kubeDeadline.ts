// Every call the collector makes to a Kubernetes API server gets a deadline, and stops when the
// scheduler aborts the pass. @kubernetes/client-node 1.x sets no timeout of its own; each request
// passes through the KubeConfig (applySecurityAuthentication for the generated and object APIs,
// applyToFetchOptions for Metrics), so the signal is attached there, fresh for each request.
import { deadline } from '@internal/plugin-paved-node';
import { KubeConfig } from '@kubernetes/client-node';

export function withDeadlines(
  kubeConfig: KubeConfig,
  timeoutMs: number,
  signal?: AbortSignal,
): KubeConfig {
  const authenticate = kubeConfig.applySecurityAuthentication.bind(kubeConfig);
  kubeConfig.applySecurityAuthentication = async context => {
    await authenticate(context);
    context.setSignal(deadline(timeoutMs, signal));
  };
  const fetchOptions = kubeConfig.applyToFetchOptions.bind(kubeConfig);
  kubeConfig.applyToFetchOptions = async options => ({
    ...(await fetchOptions(options)),
    signal: deadline(timeoutMs, signal),
  });
  return kubeConfig;
}
