// Test helper: the git host's answers, by path, as the APIs renderInTestApp takes.
import { coreApis } from '@backstage/frontend-plugin-api';

export const base = 'http://localhost:7007/api/git-host';

export const repository = {
  owner: 'checkout',
  name: 'orders-api',
  description: 'Takes orders',
  cloneUrl: `${base}/checkout/orders-api.git`,
  rawBaseUrl: `${base}/checkout/orders-api/raw`,
  defaultBranch: 'main',
  empty: false,
};

/** Answers each path in `routes` (a string as text, anything else as JSON); 404 otherwise. */
export function gitHostApis(routes: Record<string, unknown>) {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const path = String(input).slice(base.length);
    if (!(path in routes)) {
      return new Response(
        JSON.stringify({ error: { name: 'NotFoundError', message: path } }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      );
    }
    const body = routes[path];
    if (body instanceof Response) return body;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  });
  return {
    fetch,
    apis: [
      [coreApis.discovery, { getBaseUrl: async () => base }],
      [coreApis.fetch, { fetch }],
    ] as const,
  };
}
