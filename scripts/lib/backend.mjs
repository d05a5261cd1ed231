// Starts a Paved backend process with its output in .paved/logs/<logName>.log: from source
// through Backstage's own Node transform (what `backstage-cli package start` uses), or any
// command (the production build's, scripts/lib/productionBuild.mjs). Used by the checks that
// need a whole backend: the production build, the replicas, the benchmarks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, stateDir } from './paths.mjs';

/** Starts the backend from source with the given config files (relative to the repository). */
export function startBackendFromSource({ configs, env, logName }) {
  return startBackendProcess({
    command: 'node',
    args: [
      '--require',
      path.join(
        repoRoot,
        'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
      ),
      'packages/backend/src/index.ts',
      ...configs.flatMap(file => ['--config', file]),
    ],
    cwd: repoRoot,
    env,
    logName,
  });
}

/** The process ids of pid's descendants, deepest first (Linux's /proc; none elsewhere). */
function descendants(pid) {
  let children = [];
  try {
    children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap(child => [...descendants(child), child]);
}

/** Returns the child process and the path of its log (stdout and stderr). */
export function startBackendProcess({ command, args, cwd, env, logName }) {
  const logDir = path.join(stateDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${logName}.log`);
  const log = fs.openSync(logFile, 'w');
  const backend = spawn(command, args, {
    cwd,
    stdio: ['ignore', log, log],
    env,
  });
  backend.on('exit', () => fs.closeSync(log));
  return {
    backend,
    logFile,
    /** The last lines of the log (without the request log), for error messages. */
    tail: (lines = 40) =>
      fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(line => !line.includes('incomingRequest'))
        .slice(-lines)
        .join('\n'),
    /**
     * Runs a check against this backend: a failure carries the end of the backend's log, and
     * the backend is stopped either way.
     */
    async check(fn) {
      try {
        return await fn();
      } catch (error) {
        throw new Error(
          `${error.message}\n--- last lines of ${logFile} ---\n${this.tail()}`,
        );
      } finally {
        await this.stop();
      }
    },
    /**
     * As if the machine died: SIGKILL to the backend and everything it started (the production
     * build runs node under tini, which a SIGKILL of its own would leave running, as a pod's
     * container would not), no shutdown hooks. Resolves once the backend has exited.
     */
    async kill() {
      if (backend.exitCode !== null || backend.signalCode) return;
      const exited = new Promise(resolve => backend.once('exit', resolve));
      for (const pid of [...descendants(backend.pid), backend.pid]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await exited;
    },
    async stop() {
      if (backend.exitCode !== null) return;
      backend.kill('SIGTERM');
      await new Promise(resolve => backend.on('exit', resolve));
    },
  };
}
