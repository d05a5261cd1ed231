/** What the API server answered when a request failed: HTTP code, and its Status reason/message. */
export interface KubernetesRejection {
  code: number;
  reason?: string;
  message: string;
}

function statusBody(body: unknown): { reason?: string; message?: string } {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return { message: body };
    }
  }
  return (body ?? {}) as { reason?: string; message?: string };
}

/**
 * Awaits a @kubernetes/client-node call that is expected to fail and returns the API server's
 * answer. Rejects when the call succeeds, or fails without an HTTP status (network, TLS).
 */
export async function rejectionOf(
  call: Promise<unknown>,
): Promise<KubernetesRejection> {
  try {
    await call;
  } catch (error) {
    const { code, body } = error as { code?: unknown; body?: unknown };
    if (typeof code !== 'number') throw error;
    const status = statusBody(body);
    return {
      code,
      reason: status.reason,
      message: (status.message ?? '').trim(),
    };
  }
  throw new Error('expected the Kubernetes API call to fail, and it succeeded');
}
