// @kubernetes/client-node 1.x has no timeout of its own, and KubernetesObjectApi ignores per-call
// options; but every request of a client passes through its KubeConfig's
// applySecurityAuthentication, where the request's AbortSignal can be set. So each request of a
// client made from this KubeConfig gets its own deadline, tied to the pass's abort signal.
import { KubeConfig } from '@kubernetes/client-node';
import { deadline } from '@internal/plugin-paved-node';

type RequestContext = Parameters<KubeConfig['applySecurityAuthentication']>[0];

export interface Deadlines {
  /** The scheduler's abort signal of the pass. */
  signal?: AbortSignal;
  /** The deadline of one outbound call, in ms (paved-node's default, 30 s, when absent). */
  timeoutMs?: number;
}

export function withDeadlines(
  kc: KubeConfig,
  deadlines: Deadlines,
): KubeConfig {
  const wrapped: KubeConfig = Object.create(kc);
  wrapped.applySecurityAuthentication = async (context: RequestContext) => {
    await kc.applySecurityAuthentication(context);
    context.setSignal(deadline(deadlines.timeoutMs, deadlines.signal));
  };
  return wrapped;
}
