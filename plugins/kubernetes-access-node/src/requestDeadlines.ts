// @kubernetes/client-node 1.x sets no timeout of its own, and KubernetesObjectApi ignores per-call
// options; but every request of a client passes through its KubeConfig
// (applySecurityAuthentication for the generated and object APIs, applyToFetchOptions for
// Metrics), where the request's AbortSignal can be set. So each request of a client made from the
// returned KubeConfig gets its own deadline, joined with the caller's abort signal (a scheduled
// pass's). The KubeConfig passed in is left as it is.
import { deadline, Deadlines } from '@internal/plugin-paved-node';
import { KubeConfig } from '@kubernetes/client-node';

type RequestContext = Parameters<KubeConfig['applySecurityAuthentication']>[0];

export function withRequestDeadlines(
  kubeConfig: KubeConfig,
  deadlines: Deadlines,
): KubeConfig {
  const wrapped: KubeConfig = Object.create(kubeConfig);
  wrapped.applySecurityAuthentication = async (context: RequestContext) => {
    await kubeConfig.applySecurityAuthentication(context);
    context.setSignal(deadline(deadlines.timeoutMs, deadlines.signal));
  };
  wrapped.applyToFetchOptions = async options => ({
    ...(await kubeConfig.applyToFetchOptions(options)),
    signal: deadline(deadlines.timeoutMs, deadlines.signal),
  });
  return wrapped;
}
