// Building a Go tool once per machine into a cache folder, safely when several processes ask at
// once: a lock file (the holder's pid; a dead holder's lock is taken over), a temporary folder
// next to the final bin/ that is renamed into place in one step (bin/ is either absent or
// complete), and `go build -v` with progress every 20 s. Used by k8s/scripts/build.mjs
// (kube-apiserver, etcd) and scripts/lib/helm.mjs (helm).
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { formatDuration, log, pidAlive, sleep } from './common.mjs';

let currentChild = null;

/** Kills the `go build` this process is running, if any (on SIGINT/SIGTERM). */
export function killRunningBuild() {
  if (currentChild) currentChild.kill('SIGKILL');
}

/** `go build -v` prints each package it compiles: count them to show progress every 20 s. */
export function goBuild(go, args, { cwd, label, env = process.env }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(go, ['build', '-v', ...args], {
      cwd,
      env: { ...env, CGO_ENABLED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let compiled = 0;
    let tail = [];
    const onData = buf => {
      for (const line of buf.toString().split('\n')) {
        if (!line) continue;
        if (/^[\w.\-/]+$/.test(line)) compiled++;
        else tail.push(line);
      }
      if (tail.length > 200) tail = tail.slice(-200);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setInterval(
      () =>
        log(
          `  ${label}: ${compiled} packages compiled, ${formatDuration(
            Date.now() - started,
          )}`,
        ),
      20000,
    );
    currentChild = child;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      currentChild = null;
      if (code === 0) resolve({ compiled, ms: Date.now() - started });
      else
        reject(
          new Error(
            `go build ${label} failed (${
              signal || `exit ${code}`
            }):\n${tail.join('\n')}`,
          ),
        );
    });
  });
}

/** Takes the lock file (true) or finds it held by a live process (false). */
export function acquireLock(lockFile) {
  try {
    const fd = openSync(lockFile, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (!pidAlive(holder)) {
      // Stale lock from a killed build.
      rmSync(lockFile, { force: true });
      return acquireLock(lockFile);
    }
    return false;
  }
}

/** Removes temp folders of earlier builds whose process is gone. */
export function cleanStaleTemps(dir) {
  for (const name of readdirSync(dir)) {
    const m = /^\.bin-tmp-(\d+)-/.exec(name);
    if (m && !pidAlive(Number(m[1])))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Runs `build(tmp)` once for `dir` (which gets bin/): under dir/.build.lock, into a temporary
 * folder renamed to dir/bin when build resolves. `cached()` says whether bin/ is complete; it
 * is asked again after waiting for another process's build. Resolves to what `cached()` returns.
 */
export async function buildOnce({ dir, cached, build, force = false }) {
  if (!force && cached()) return cached();
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, '.build.lock');
  let waiting = false;
  while (!acquireLock(lockFile)) {
    if (!waiting) {
      waiting = true;
      log(`another build is running (lock ${lockFile}); waiting for it`);
    }
    await sleep(2000);
    if (!force && cached()) return cached();
  }
  const tmp = join(dir, `.bin-tmp-${process.pid}-${Date.now()}`);
  const cleanup = () => {
    rmSync(tmp, { recursive: true, force: true });
    try {
      if (readFileSync(lockFile, 'utf8') === String(process.pid))
        unlinkSync(lockFile);
    } catch {
      /* gone */
    }
  };
  const onSignal = sig => {
    log(`interrupted (${sig}): removing ${tmp}`);
    killRunningBuild();
    cleanup();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cleanStaleTemps(dir);
    // Another process may have finished while we waited for the lock.
    if (!force && cached()) return cached();
    mkdirSync(tmp, { recursive: true });
    await build(tmp);
    const bin = join(dir, 'bin');
    if (existsSync(bin)) rmSync(bin, { recursive: true, force: true }); // only with force
    renameSync(tmp, bin); // atomic: bin/ is either absent or complete
    return cached();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
  }
}
