import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';

export interface AppOptions {
  /** Serves GET /metrics when given. */
  metricsHandler?: RequestListener;
  /** Whether the service should receive traffic; index.ts clears it on shutdown. */
  isReady?: () => boolean;
}

export function createApp({ metricsHandler, isReady = () => true }: AppOptions = {}): Server {
  const routes: Record<string, RequestListener> = {
    'GET /healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    'GET /readyz': (_req, res) =>
      isReady()
        ? sendJson(res, 200, { status: 'ready' })
        : sendJson(res, 503, { status: 'not ready' }),
  };
  if (metricsHandler) {
    routes['GET /metrics'] = metricsHandler;
  }

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes[`${req.method} ${path}`];
    if (route) {
      route(req, res);
    } else {
      sendJson(res, 404, { error: 'not found' });
    }
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
