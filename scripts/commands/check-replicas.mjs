// `./paved check replicas`: two Paved backends from the production build on one PostgreSQL, with
// the test Gitea as the SCM and one GitOps repository, proving through the real HTTP routes that
// replicas share the work without doing it twice (issue 13, item 4). One line per proof, then a
// summary line. `--from-source` runs the backends from source instead (faster while developing
// the check; the production build is what `./paved test` runs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackendFromSource } from '../lib/backend.mjs';
import { startTestGitea } from '../lib/gitea.mjs';
import { startTestPostgres } from '../lib/postgres.mjs';
import {
  dropDatabasesWithPrefix,
  runDatabasePrefix,
} from '../lib/replicas/database.mjs';
import { proveConcurrentTasks } from '../lib/replicas/proveConcurrentTasks.mjs';
import { createReplicaSet } from '../lib/replicas/replicaSet.mjs';

const SHARED_CONFIGS = [
  'app-config.yaml',
  'app-config.production.yaml',
  'scripts/replicas-check/app-config.yaml',
];

async function backendLauncher(env, args) {
  if (args.includes('--from-source')) {
    return {
      configs: SHARED_CONFIGS,
      launch: async ({ configs, env: backendEnv, logName }) =>
        startBackendFromSource({ configs, env: backendEnv, logName }),
    };
  }
  const { prepareProductionBuild, startProductionBackend } = await import(
    '../lib/productionBuild.mjs'
  );
  const { dir } = await prepareProductionBuild(env);
  return {
    configs: SHARED_CONFIGS,
    launch: async options => startProductionBackend({ dir, ...options }),
  };
}

function sharedEnvironment(env, { pg, gitea, prefix, token }) {
  return {
    ...env,
    NODE_ENV: 'production',
    PAVED_CHECK_TOKEN: token,
    PAVED_REPLICAS_DB_PREFIX: prefix,
    POSTGRES_HOST: pg.host,
    POSTGRES_PORT: String(pg.port),
    POSTGRES_USER: pg.user,
    POSTGRES_PASSWORD: pg.password,
    PAVED_GITEA_URL: gitea.baseUrl,
    PAVED_GITEA_HOST: gitea.host,
    PAVED_GITEA_ORG: gitea.organization,
    PAVED_GITEA_USER: gitea.username,
    PAVED_GITEA_TOKEN: gitea.token,
    // Sign-in is not used (the check has a static token), but production needs the keys set.
    AUTH_GITHUB_CLIENT_ID: 'replicas-check',
    AUTH_GITHUB_CLIENT_SECRET: 'replicas-check',
    PAVED_GITHUB_ORG: gitea.organization,
    // One key for both replicas: a pseudonym must be the same whichever replica computes it.
    PAVED_PSEUDONYM_SALT: crypto.randomBytes(32).toString('base64url'),
  };
}

export async function checkReplicas(env, args = []) {
  const started = Date.now();
  const runId = Date.now().toString(36).slice(-5);
  const { configs, launch } = await backendLauncher(env, args);
  const pg = await startTestPostgres();
  // Databases left by a run that was killed before it could drop its own.
  await dropDatabasesWithPrefix(pg, 'paved_replicas_');
  const prefix = runDatabasePrefix();
  const gitea = await startTestGitea(env);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-replicas-'));
  const token = crypto.randomBytes(24).toString('base64url');
  const set = await createReplicaSet({
    count: 2,
    launch,
    configs,
    env: sharedEnvironment(env, { pg, gitea, prefix, token }),
    token,
    workDir,
  });
  const summary = { replicas: set.replicas.length };
  try {
    await set.startAll();
    console.log(
      `2 replicas up on one PostgreSQL (databases ${prefix}*) and Gitea ${
        gitea.baseUrl
      }: ${set.replicas.map(r => r.baseUrl).join(', ')}`,
    );
    const concurrent = await proveConcurrentTasks({ set, gitea, runId });
    console.log(concurrent.line);
    summary.tasks = concurrent.count;
    summary.duplicates = concurrent.duplicates;
  } catch (error) {
    throw new Error(
      `${error.message}\n${set.replicas
        .map(
          r =>
            `--- last lines of ${r.name} (${r.logs.at(-1)}) ---\n${r.tail()}`,
        )
        .join('\n')}`,
    );
  } finally {
    await set.stopAll();
    await gitea.stop();
    await dropDatabasesWithPrefix(pg, prefix);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    Object.entries(summary)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
}

export default checkReplicas;
