// Builds the frontend as it ships and starts the backend with NODE_ENV=production and
// app-config.production.yaml against a real PostgreSQL, then checks that it serves the example
// organisation from the catalog and the built Paved frontend. The backend runs from source
// through Backstage's own Node transform (what `backstage-cli package start` uses), as the
// bundle the backend build makes is meant for a container image. Its log goes to
// .paved/logs/postgres-check.log.
import crypto from 'node:crypto';
import { startBackendFromSource } from '../lib/backend.mjs';
import { yarn } from '../lib/yarn.mjs';

const BASE_URL = 'http://localhost:7017';
const READY_TIMEOUT_MS = 180_000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function getJson(url, token) {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

async function countEntities(kind, token) {
  const body = await getJson(
    `${BASE_URL}/api/catalog/entities/by-query?filter=kind=${kind}&limit=500`,
    token,
  );
  return body.items.length;
}

/** Polls until the catalog has ingested the example organisation (bounded). */
async function waitForCatalog(token, backend) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'backend not answering yet';
  while (Date.now() < deadline) {
    if (backend.exitCode !== null)
      throw new Error(`backend exited with code ${backend.exitCode}`);
    try {
      const counts = {
        component: await countEntities('component', token),
        group: await countEntities('group', token),
        template: await countEntities('template', token),
      };
      if (counts.component >= 10 && counts.group >= 5 && counts.template >= 1)
        return counts;
      last = `catalog so far: ${JSON.stringify(counts)}`;
    } catch (error) {
      last = error.message;
    }
    await sleep(2000);
  }
  throw new Error(
    `catalog not ready after ${READY_TIMEOUT_MS / 1000} s (${last})`,
  );
}

export async function checkBackendOnPostgres(env, pg) {
  // The build lists every chunk it writes; only its errors matter here.
  await yarn(['workspace', 'app', 'build'], env, {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const token = crypto.randomBytes(24).toString('base64url');
  const started = startBackendFromSource({
    logName: 'postgres-check',
    configs: [
      'app-config.yaml',
      'app-config.production.yaml',
      'scripts/postgres-check/app-config.yaml',
    ],
    env: {
      ...env,
      NODE_ENV: 'production',
      PAVED_CHECK_TOKEN: token,
      PAVED_BASE_URL: BASE_URL,
      POSTGRES_HOST: pg.host,
      POSTGRES_PORT: String(pg.port),
      POSTGRES_USER: pg.user,
      POSTGRES_PASSWORD: pg.password,
      AUTH_GITHUB_CLIENT_ID: 'postgres-check',
      AUTH_GITHUB_CLIENT_SECRET: 'postgres-check',
      PAVED_GITHUB_ORG: 'paved-check',
      // Production refuses to start without a pseudonym key of its own; a fresh one per run.
      PAVED_PSEUDONYM_SALT: crypto.randomBytes(32).toString('base64url'),
    },
  });
  const { backend } = started;
  await started.check(async () => {
    const counts = await waitForCatalog(token, backend);
    const html = await (await fetch(`${BASE_URL}/`)).text();
    if (!html.includes('<title>Paved')) {
      throw new Error('the backend does not serve the Paved frontend at /');
    }
    console.log(
      `PostgreSQL backend serves the catalog: ${JSON.stringify(counts)}`,
    );
  });
}

/** `./paved check postgres-backend`: this check alone, on the test PostgreSQL. */
export default async function checkPostgresBackendAlone(env) {
  const { startTestPostgres } = await import('../lib/postgres.mjs');
  await checkBackendOnPostgres(env, await startTestPostgres());
}
