// A throwaway PostgreSQL server for the tests: its own data directory, loopback only, a
// random password. Debian's server refuses to run as root, so root runs it as `postgres`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ensureDebianPackage,
  findExecutable,
  postgresBinDirs,
} from './system-packages.mjs';
import { run } from './run.mjs';

const PORT = Number(process.env.PAVED_TEST_POSTGRES_PORT ?? 55432);

function asServiceUser(command, args) {
  if (process.getuid?.() !== 0) return [command, args];
  // runuser lives in /usr/sbin, which a plain user's PATH often lacks.
  const runuser =
    findExecutable('runuser', ['/usr/sbin', '/sbin']) ?? 'runuser';
  return [runuser, ['-u', 'postgres', '--', command, ...args]];
}

async function isRunning(binDir, dataDir) {
  if (!fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return false;
  const [cmd, args] = asServiceUser(path.join(binDir, 'pg_ctl'), [
    'status',
    '--pgdata',
    dataDir,
  ]);
  try {
    await run(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PostgreSQL and returns its connection settings. Reuses a server this helper started
 * earlier on the same port.
 */
export async function startTestPostgres() {
  const initdb = await ensureDebianPackage(
    'initdb',
    'postgresql',
    postgresBinDirs,
  );
  const binDir = path.dirname(fs.realpathSync(initdb));
  const root = path.join(os.tmpdir(), `paved-postgres-${PORT}`);
  const dataDir = path.join(root, 'data');
  const passwordFile = path.join(root, 'password');

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('hex'));
    if (process.getuid?.() === 0) {
      await run('chown', ['-R', 'postgres:postgres', root]);
    }
    const [cmd, args] = asServiceUser(path.join(binDir, 'initdb'), [
      '--pgdata',
      dataDir,
      '--username',
      'postgres',
      '--auth',
      'scram-sha-256',
      '--pwfile',
      passwordFile,
      '--encoding',
      'UTF8',
      '--no-instructions',
    ]);
    await run(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }

  // A postmaster.pid alone proves nothing: a server killed with the machine (or by a CI
  // harness) leaves it behind. `pg_ctl status` checks that the process is alive.
  if (!(await isRunning(binDir, dataDir))) {
    const [cmd, args] = asServiceUser(path.join(binDir, 'pg_ctl'), [
      'start',
      '--pgdata',
      dataDir,
      '--wait',
      '--timeout',
      '60',
      '--log',
      path.join(root, 'server.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -c port=${PORT} -c unix_socket_directories=${root} -c max_connections=200`,
    ]);
    await run(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return {
    host: '127.0.0.1',
    port: PORT,
    user: 'postgres',
    password: fs.readFileSync(passwordFile, 'utf8').trim(),
  };
}
