// Starts Paved's real backend in this process: the features of packages/backend/src/index.ts,
// app-config.yaml plus the suite's overlay, on a free loopback port, with everything it writes
// in a temporary directory. The root router's `routes` is kept so the suite can list the routes
// the running backend serves.
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { RequestHandler } from 'express';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { transports } from 'winston';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../../catalog/__testUtils__/loadEntityFiles';
import { loadBackendFeatures } from './loadBackendFeatures';
import { suiteProbePlugin } from './suiteProbe';

export const CANARY = {
  POSTGRES_PASSWORD: 'canary-db-password-7c1f3e9a',
  GITHUB_TOKEN: 'ghp_canaryScmToken4b8d2f6e0a9c7',
};

/** Argo CD's read token on the local platform: app-config.demo.yaml's static token for it. */
export const ARGOCD_GIT_TOKEN = 'argocd-read-token-of-the-security-suite-5e1d';

/**
 * The static tokens app-config.demo.yaml gives the backend (Argo CD's, restricted to git-host
 * reads), as that file writes them, with the suite's token in place of the variable.
 */
function demoExternalAccess() {
  const demo = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.demo.yaml'), 'utf8'),
  );
  return JSON.parse(
    JSON.stringify(demo.backend.auth.externalAccess).replaceAll(
      '${PAVED_ARGOCD_GIT_TOKEN}',
      ARGOCD_GIT_TOKEN,
    ),
  );
}

export type PavedBackend = {
  baseUrl: string;
  gitDirectory: string;
  workDirectory: string;
  routes: RequestHandler;
  /** Everything the backend wrote to stdout and stderr while the suite ran. */
  output: () => string;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The key under which winston keeps a log line as it will be printed (triple-beam's MESSAGE).
const WINSTON_MESSAGE = Symbol.for('message');
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Tees everything the backend prints into a buffer: what reaches process.stdout/stderr, the
 * console (Jest replaces it; in workers it buffers and never touches the streams), and each
 * formatted (so already redacted) line of the root logger's winston Console transport, which
 * binds console.log when it is made, before this runs.
 */
function captureOutput() {
  const chunks: string[] = [];
  const streams = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  const consoles = Object.fromEntries(
    CONSOLE_METHODS.map(method => [method, console[method]]),
  ) as Record<(typeof CONSOLE_METHODS)[number], (...a: unknown[]) => void>;
  for (const stream of ['stdout', 'stderr'] as const) {
    (process[stream] as any).write = (chunk: unknown, ...rest: unknown[]) => {
      chunks.push(String(chunk));
      return (streams[stream] as any)(chunk, ...rest);
    };
  }
  const transportLog = transports.Console.prototype.log;
  transports.Console.prototype.log = function teedLog(
    this: unknown,
    info: Record<symbol, unknown>,
    callback: () => void,
  ) {
    chunks.push(`${String(info[WINSTON_MESSAGE])}\n`);
    return transportLog!.call(this, info, callback);
  };
  for (const method of CONSOLE_METHODS) {
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      consoles[method].apply(console, args);
    };
  }
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = streams.stdout;
      process.stderr.write = streams.stderr;
      for (const method of CONSOLE_METHODS) console[method] = consoles[method];
      transports.Console.prototype.log = transportLog;
    },
  };
}

/**
 * The Jest setup of @backstage/cli blocks fetch; the backend's plugins call each other over
 * HTTP, so loopback requests go through and anything else is still refused.
 */
function allowLoopbackFetch() {
  const blocked = global.fetch;
  const passThrough = (input: any, init?: any) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      return Promise.reject(
        new Error(`The security suite makes no request to ${url.host}`),
      );
    }
    return blocked(input, init);
  };
  global.fetch = passThrough as typeof fetch;
  return () => {
    global.fetch = blocked;
  };
}

export async function startPavedBackend(): Promise<PavedBackend> {
  const restoreFetch = allowLoopbackFetch();
  const workDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'paved-security-'),
  );
  const gitDirectory = path.join(workDirectory, 'git');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const runtimeConfig = path.join(workDirectory, 'runtime-config.yaml');
  fs.writeFileSync(
    runtimeConfig,
    stringify({
      app: { baseUrl: 'http://127.0.0.1:3000' },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        auth: { externalAccess: demoExternalAccess() },
        database: {
          connection: { directory: path.join(workDirectory, 'sqlite') },
        },
      },
      gitHost: { directory: gitDirectory },
      techdocs: {
        publisher: {
          local: { publishDirectory: path.join(workDirectory, 'techdocs') },
        },
      },
      catalog: {
        locations: [
          {
            type: 'file',
            target: path.join(repoRoot, 'catalog', 'all.yaml'),
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Domain',
                  'Group',
                  'User',
                ],
              },
            ],
          },
          {
            type: 'file',
            target: path.join(repoRoot, 'templates', 'all.yaml'),
            rules: [{ allow: ['Template', 'Location'] }],
          },
        ],
      },
    }),
  );
  for (const [name, value] of Object.entries(CANARY)) process.env[name] = value;

  const output = captureOutput();
  let routes: RequestHandler | undefined;
  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({
      argv: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(__dirname, '..', 'security-test-config.yaml'),
        '--config',
        runtimeConfig,
      ],
      watch: false,
    }),
  );
  backend.add(
    rootHttpRouterServiceFactory({
      configure(context) {
        routes = context.routes;
        context.applyDefaults();
      },
    }),
  );
  for (const feature of loadBackendFeatures()) backend.add(feature);
  backend.add(suiteProbePlugin);
  await backend.start();

  return {
    baseUrl,
    gitDirectory,
    workDirectory,
    routes: routes!,
    output: output.text,
    async stop() {
      await backend.stop();
      output.restore();
      restoreFetch();
      fs.rmSync(workDirectory, { recursive: true, force: true });
    },
  };
}
