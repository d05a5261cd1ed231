// The replicas check's view of the shared PostgreSQL: a database prefix of its own per run (each
// plugin gets <prefix><pluginId>), read-only queries on the plugins' tables, and dropping the
// run's databases afterwards. Through Debian's psql (installed with the server), with the password
// in the environment, never in argv.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { findExecutable, postgresBinDirs } from '../system-packages.mjs';

/** A prefix no earlier run used: lowercase, so it is also a valid unquoted database name. */
export function runDatabasePrefix() {
  return `paved_replicas_${Date.now().toString(36)}_${crypto
    .randomBytes(2)
    .toString('hex')}_`;
}

function psqlBinary() {
  const found = findExecutable('psql', postgresBinDirs());
  if (!found)
    throw new Error(
      'psql not found: it comes with the postgresql Debian package that startTestPostgres installs',
    );
  return found;
}

/** Runs one SQL statement; resolves to its output rows (tab-separated, unaligned). */
export function psql(pg, database, sql) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      psqlBinary(),
      [
        '--no-psqlrc',
        '--quiet',
        '--tuples-only',
        '--no-align',
        '--field-separator=\t',
        '--set=ON_ERROR_STOP=1',
        '--host',
        pg.host,
        '--port',
        String(pg.port),
        '--username',
        pg.user,
        '--dbname',
        database,
        '--command',
        sql,
      ],
      {
        env: {
          ...process.env,
          PGPASSWORD: pg.password,
          PGCONNECT_TIMEOUT: '10',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.stderr.on('data', chunk => (err += chunk));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(out.split('\n').filter(Boolean))
        : reject(
            new Error(`psql on ${database} failed: ${err.trim() || code}`),
          ),
    );
  });
}

/** One JSON value from a query that returns a single json column (e.g. json_agg). */
export async function queryJson(pg, database, sql) {
  const [row] = await psql(pg, database, sql);
  return row ? JSON.parse(row) : null;
}

/** Names of the databases that start with prefix. */
export async function databasesWithPrefix(pg, prefix) {
  if (!/^[a-z0-9_]+$/.test(prefix))
    throw new Error(`unexpected database prefix ${prefix}`);
  return psql(
    pg,
    'postgres',
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%' ORDER BY 1`,
  );
}

/** Drops the databases that start with prefix (a run's own, or what killed runs left behind). */
export async function dropDatabasesWithPrefix(pg, prefix) {
  for (const name of await databasesWithPrefix(pg, prefix)) {
    await psql(
      pg,
      'postgres',
      `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    );
  }
}

const RUN_PREFIX = /^paved_replicas_([0-9a-z]+)_[0-9a-f]{4}_/;
// Longer than any run takes, so a run on the same machine (another clone's CI) keeps its own.
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

/**
 * Drops what runs that were killed before they could clean up left behind: run databases whose
 * prefix (runDatabasePrefix) is older than a few hours. The test PostgreSQL is shared by every
 * clone on the machine, so a run that is still going is never touched.
 */
export async function dropStaleRunDatabases(pg, now = Date.now()) {
  for (const name of await databasesWithPrefix(pg, 'paved_replicas_')) {
    const started = parseInt(RUN_PREFIX.exec(name)?.[1] ?? '', 36);
    if (Number.isNaN(started) || now - started < STALE_AFTER_MS) continue;
    await psql(
      pg,
      'postgres',
      `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    );
  }
}
