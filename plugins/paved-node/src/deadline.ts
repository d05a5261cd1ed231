// Every outbound call of Paved has a deadline: a Kubernetes API, an SCM or OpenCost that stops
// answering must not hold a scheduled pass (and the scheduler's next run) for ever.
/** Default deadline of one outbound HTTP call. */
export const OUTBOUND_TIMEOUT_MS = 30_000;

/** The deadlines of a piece of outbound work: each call's own, and the work's abort signal. */
export interface Deadlines {
  /** Aborts every call still running (the scheduler's abort signal of a pass). */
  signal?: AbortSignal;
  /** The deadline of one call, in ms (OUTBOUND_TIMEOUT_MS when absent). */
  timeoutMs?: number;
}

/**
 * A signal that aborts after `ms` or when `parent` (the scheduler's abort signal, a request's)
 * aborts, whichever comes first.
 */
export function deadline(
  ms: number = OUTBOUND_TIMEOUT_MS,
  parent?: AbortSignal,
): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return parent ? AbortSignal.any([parent, timeout]) : timeout;
}

/** `fetch` with a deadline (and the caller's own signal, if any). */
export function fetchWithDeadline(
  url: string | URL,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<Response> {
  const { timeoutMs, signal, ...rest } = init;
  return fetch(url, {
    ...rest,
    signal: deadline(timeoutMs, signal ?? undefined),
  });
}
