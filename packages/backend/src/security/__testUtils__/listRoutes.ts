// Lists the routes an express router really serves, by walking its layers, so the suite's table
// is checked against the running backend rather than against what the code is believed to mount.
import type { RequestHandler } from 'express';

export type ListedRoute = { method: string; path: string };

type Layer = {
  name: string;
  regexp: RegExp & { fast_slash?: boolean };
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
};

/** The path prefix an express 4 `use(path, router)` layer was mounted at, from its regexp. */
function mountPath(layer: Layer): string {
  if (layer.regexp.fast_slash) return '';
  const source = layer.regexp.source
    .replace(/^\^/, '')
    .replace(/\\\/\?\(\?=\\\/\|\$\)$/, '')
    .replace(/\(\?:\(\[\^\\\/]\+\?\)\)/g, ':param')
    .replace(/\\\//g, '/');
  return source;
}

function walk(stack: Layer[], prefix: string, out: ListedRoute[]) {
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') {
          out.push({
            method: method.toUpperCase(),
            path: prefix + layer.route.path,
          });
        }
      }
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, prefix + mountPath(layer), out);
    }
  }
}

/** Every route under `/api/<pluginId>` in the root router's `routes` handler. */
export function listPluginRoutes(
  routes: RequestHandler,
  pluginId: string,
): ListedRoute[] {
  const mount = `/api/${pluginId}`;
  const all: ListedRoute[] = [];
  walk((routes as unknown as { stack: Layer[] }).stack, '', all);
  return all
    .filter(r => r.path.startsWith(`${mount}/`))
    .map(r => ({ method: r.method, path: r.path.slice(mount.length) }));
}
