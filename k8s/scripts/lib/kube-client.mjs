// A small REST client for any cluster a kubeconfig points at (the local control plane, kind, minikube,
// a dev cluster). @kubernetes/client-node reads the kubeconfig and does the authentication (client
// certificates, tokens, exec plugins); requests go over plain https so that the seed and the access
// script can use server-side apply and status subresources for any kind with one code path.
import { Agent, request as httpsRequest } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { up } from './control.mjs';
import { log } from './common.mjs';

/** $KUBECONFIG when set, else the local control plane (started when it is not running). */
export async function resolveKubeconfig(env = process.env) {
  if (env.KUBECONFIG) return env.KUBECONFIG.split(':')[0];
  log(
    'KUBECONFIG is not set: using the local control plane (k8s/scripts/up.mjs)',
  );
  return up();
}

const apiBase = apiVersion =>
  apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;

export class KubeError extends Error {
  constructor(method, path, status, body) {
    // Field-immutability errors carry a whole object diff; the start says what is wrong.
    const message = String(body?.message ?? 'no message');
    super(
      `${method} ${path} answered ${status}: ${
        message.length > 800 ? `${message.slice(0, 800)}...` : message
      }`,
    );
    this.status = status;
    this.body = body;
  }
}

export async function kubeClient(kubeconfigPath) {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const cluster = kc.getCurrentCluster();
  if (!cluster)
    throw new Error(`${kubeconfigPath}: no current context with a cluster`);
  const server = new URL(cluster.server);
  const tls = {};
  await kc.applyToHTTPSOptions(tls);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 8,
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    rejectUnauthorized: tls.rejectUnauthorized,
    servername: tls.servername,
  });
  const prefix = server.pathname.replace(/\/$/, '');

  /** Resolves to the parsed body; 404 resolves to null; other errors reject with a KubeError. */
  function request(
    method,
    path,
    { body, contentType = 'application/json' } = {},
  ) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        new URL(prefix + path, server),
        {
          method,
          agent,
          auth: tls.auth,
          timeout: 30_000,
          headers: {
            ...tls.headers,
            Accept: 'application/json',
            ...(payload !== undefined && {
              'Content-Type': contentType,
              'Content-Length': Buffer.byteLength(payload),
            }),
          },
        },
        res => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', chunk => (text += chunk));
          res.on('end', () => {
            let json;
            try {
              json = JSON.parse(text);
            } catch {
              json = { message: text.slice(0, 500) };
            }
            if (res.statusCode === 404 && method === 'GET') resolve(null);
            else if (res.statusCode >= 300)
              reject(new KubeError(method, path, res.statusCode, json));
            else resolve(json);
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path}: timed out`)),
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  const resources = new Map();
  /** The REST resource (plural name, namespaced) that serves a kind, from the API server's discovery. */
  async function resourceFor(apiVersion, kind) {
    const key = `${apiVersion}/${kind}`;
    if (!resources.has(key)) {
      const list = await request('GET', apiBase(apiVersion));
      const found = list?.resources.find(
        r => r.kind === kind && !r.name.includes('/'),
      );
      if (!found)
        throw new Error(
          `the cluster does not serve ${kind} (${apiVersion}); is its CRD applied? (see k8s/README.md)`,
        );
      resources.set(key, found);
    }
    return resources.get(key);
  }

  async function pathOf(object, subresource) {
    const { apiVersion, kind, metadata } = object;
    const r = await resourceFor(apiVersion, kind);
    const ns = r.namespaced
      ? `/namespaces/${metadata.namespace ?? 'default'}`
      : '';
    return `${apiBase(apiVersion)}${ns}/${r.name}/${metadata.name}${
      subresource ? `/${subresource}` : ''
    }`;
  }

  /** Server-side apply of `object` (or of its status, through the status subresource). */
  async function apply(object, { fieldManager, subresource } = {}) {
    const query = new URLSearchParams({
      fieldManager,
      force: 'true',
      fieldValidation: 'Strict',
    });
    return request('PATCH', `${await pathOf(object, subresource)}?${query}`, {
      body: object,
      contentType: 'application/apply-patch+yaml',
    });
  }

  return {
    server: cluster.server,
    context: kc.getCurrentContext(),
    caData: tls.ca ? Buffer.from(tls.ca).toString() : undefined,
    request,
    pathOf,
    apply,
    get: async object => request('GET', await pathOf(object)),
    close: () => agent.destroy(),
  };
}
