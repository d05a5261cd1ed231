// Processes of the local platform: started detached (they outlive the script that starts them), with
// a log file and a pid file each; stopped with SIGTERM, then SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { formatDuration, log, pidAlive, repoRoot, sleep } from './common.mjs';
import { writeFileAtomic } from './state.mjs';

export function tail(file, n = 25) {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-n)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

function rotate(logFile) {
  try {
    if (statSync(logFile).size > 0) renameSync(logFile, `${logFile}.1`);
  } catch {
    /* no previous log */
  }
}

/** Starts a binary detached (own session, survives this script), logging to a file; returns its pid. */
export function startDetached(
  bin,
  args,
  logFile,
  pidFile,
  { env, cwd = repoRoot } = {},
) {
  rotate(logFile);
  const fd = openSync(logFile, 'a', 0o600);
  try {
    const child = spawn(bin, args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      cwd,
      ...(env && { env }),
    });
    child.unref();
    writeFileAtomic(pidFile, `${child.pid}\n`, 0o644);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export async function stopPid(pid, name, graceMs) {
  if (!pid || !pidAlive(pid)) return 0;
  const started = Date.now();
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 0;
  }
  while (pidAlive(pid) && Date.now() - started < graceMs) await sleep(100);
  if (pidAlive(pid)) {
    log(
      `${name} (pid ${pid}) still running after ${graceMs / 1000} s: SIGKILL`,
    );
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    while (pidAlive(pid) && Date.now() - started < graceMs + 5000)
      await sleep(100);
  }
  const ms = Date.now() - started;
  log(`stopped ${name} (pid ${pid}) in ${formatDuration(ms)}`);
  return ms;
}
