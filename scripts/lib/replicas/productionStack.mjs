// The stack a production-build check runs on: PostgreSQL (a database prefix per run, dropped
// afterwards), a fresh test Gitea as the SCM, and `count` backends started by `launch` (the
// production build's or, while developing a check, from source), with `configs` layered on the
// check's own (their variables in `env`). `prove` gets them running and
// returns what the check prints; a failure carries the end of every backend's log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestGitea } from '../gitea.mjs';
import { startTestPostgres } from '../postgres.mjs';
import {
  dropDatabasesWithPrefix,
  dropStaleRunDatabases,
  runDatabasePrefix,
} from './database.mjs';
import {
  PRODUCTION_CHECK_CONFIGS,
  productionCheckEnvironment,
} from './environment.mjs';
import { createReplicaSet } from './replicaSet.mjs';

export async function withProductionStack(
  { env, count, launch, pg, configs = [] },
  prove,
) {
  const runId = Date.now().toString(36).slice(-5);
  const database = pg ?? (await startTestPostgres());
  // Databases left by a run that was killed before it could drop its own.
  await dropStaleRunDatabases(database);
  const prefix = runDatabasePrefix();
  const gitea = await startTestGitea(env);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-production-'));
  const token = crypto.randomBytes(24).toString('base64url');
  const set = await createReplicaSet({
    count,
    launch,
    configs: [...PRODUCTION_CHECK_CONFIGS, ...configs],
    env: productionCheckEnvironment(env, {
      pg: database,
      gitea,
      prefix,
      token,
    }),
    token,
    workDir,
  });
  try {
    await set.startAll();
    console.log(
      `${count} backend${
        count > 1 ? 's' : ''
      } up on one PostgreSQL (databases ${prefix}*) and Gitea ${
        gitea.baseUrl
      }: ${set.replicas.map(r => r.baseUrl).join(', ')}`,
    );
    return await prove({ set, gitea, pg: database, prefix, runId });
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
    await dropDatabasesWithPrefix(database, prefix);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
