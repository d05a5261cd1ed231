// Shared helpers for the local control plane scripts (build, up, down, status).
// Node 20+ built-ins only: no npm dependencies.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const scriptsDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
);
export const k8sDir = resolve(scriptsDir, '..');
export const repoRoot = resolve(k8sDir, '..');
export const controlPlaneDir = join(k8sDir, 'control-plane');
export const platformDir = join(repoRoot, 'platform');

/** Versions are pinned in exactly one file: k8s/control-plane/versions.json. */
export function readVersions() {
  const file = join(controlPlaneDir, 'versions.json');
  const v = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of [
    'kubernetes',
    'etcd',
    'kwok',
    'argocd',
    'kustomize',
    'crossplane',
  ]) {
    if (!/^v\d+\.\d+\.\d+$/.test(v[key] ?? '')) {
      throw new Error(
        `${file}: "${key}" must look like v1.2.3, got ${JSON.stringify(
          v[key],
        )}`,
      );
    }
  }
  if (!/^go\d+\.\d+\.\d+$/.test(v.argocdGo ?? ''))
    throw new Error(
      `${file}: "argocdGo" must be a Go toolchain such as go1.27.3, got ${JSON.stringify(
        v.argocdGo,
      )}`,
    );
  return {
    kubernetes: v.kubernetes,
    etcd: v.etcd,
    kwok: v.kwok,
    argocd: v.argocd,
    kustomize: v.kustomize,
    crossplane: v.crossplane,
    argocdGo: v.argocdGo,
  };
}

/** ${XDG_CACHE_HOME:-$HOME/.cache}/paved/k8s */
export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'paved', 'k8s');
}

/** <cacheRoot>/<k8sVersion>-etcd<etcdVersion>-kwok<kwokVersion> (binaries live in its bin/ subfolder). */
export function versionCacheDir(versions = readVersions()) {
  return join(
    cacheRoot(),
    `${versions.kubernetes}-etcd${versions.etcd}-kwok${versions.kwok}`,
  );
}

export function binDir(versions = readVersions()) {
  return join(versionCacheDir(versions), 'bin');
}

/** State dir: $PAVED_K8S_DIR or <repo>/.paved/k8s */
export function stateDir() {
  return resolve(process.env.PAVED_K8S_DIR || join(repoRoot, '.paved', 'k8s'));
}

export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable: $ENV_VAR, then PATH, then fallbacks. Returns null when absent. */
export function findExecutable(name, { envVar, fallbacks = [] } = {}) {
  if (envVar && process.env[envVar]) return process.env[envVar];
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  for (const f of fallbacks) if (isExecutable(f)) return f;
  return null;
}

export function findGo() {
  return findExecutable('go', {
    envVar: 'GO',
    fallbacks: [
      '/usr/local/go/bin/go',
      join(homedir(), 'go', 'bin', 'go'),
      '/usr/lib/go/bin/go',
    ],
  });
}

export function findKubectl() {
  return findExecutable('kubectl', {
    envVar: 'KUBECTL',
    fallbacks: ['/usr/bin/kubectl', '/usr/local/bin/kubectl'],
  });
}

export function findOpenssl() {
  return findExecutable('openssl', {
    envVar: 'OPENSSL',
    fallbacks: ['/usr/bin/openssl'],
  });
}

/** execFile as a promise; rejects with stdout/stderr attached. Never goes through a shell. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    execFile(
      cmd,
      args,
      { maxBuffer: 64 * 1024 * 1024, ...opts },
      (err, stdout, stderr) => {
        if (err) {
          err.message = `${cmd} ${args.join(' ')} failed: ${err.message}\n${
            stderr || ''
          }`.trim();
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolvePromise({ stdout, stderr });
        }
      },
    );
  });
}

const t0 = Date.now();
/** Progress goes to stderr so that stdout stays machine-readable (up.mjs prints only the kubeconfig path). */
export function log(msg) {
  process.stderr.write(
    `[k8s ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`,
  );
}

export function formatDuration(ms) {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function sleep(ms) {
  return new Promise(r => setTimeout(r, ms));
}

/** Is a process with this pid alive (and not a zombie)? */
export function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // On Linux a zombie still answers kill(0); look at /proc when available.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(
      stat.lastIndexOf(')') + 2,
      stat.lastIndexOf(')') + 3,
    );
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** Command line of a live pid (Linux /proc), or null. Used to make sure a pid file still points at our process. */
export function pidCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean);
  } catch {
    return null;
  }
}

export function readPidFile(file) {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) ? pid : null;
}
