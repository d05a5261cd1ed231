#!/usr/bin/env node
// Builds the local control plane from Go modules (k8s/control-plane/{kube-apiserver,etcd,kwok}), once per
// machine, into ${XDG_CACHE_HOME:-$HOME/.cache}/paved/k8s/<k8s>-etcd<etcd>-kwok<kwok>/bin/: kube-apiserver,
// kube-controller-manager and kube-scheduler of one Kubernetes release, etcd, and KWOK (fake nodes).
//
//   node k8s/scripts/build.mjs            build unless the cache already has both binaries
//   node k8s/scripts/build.mjs --force    rebuild even if cached
//
// The binaries are built into a temporary folder next to bin/ and renamed into place in one step, so an
// interrupted build never leaves a half-written binary behind. A lock file makes concurrent callers (for
// example several test workers) wait for one build instead of starting their own.
// Uses the default Go build and module caches (go env GOCACHE / GOMODCACHE), so a rebuild is mostly linking.
import { pathToFileURL } from 'node:url';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  binDir,
  findGo,
  formatDuration,
  isExecutable,
  log,
  readVersions,
  run,
  sleep,
  versionCacheDir,
} from './lib/common.mjs';
import {
  acquireLock,
  cleanStaleTemps,
  goBuild,
  killRunningBuild,
} from './lib/cached-build.mjs';
import { MODULES, checkModules } from './gen-modules.mjs';

export const BINARIES = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'etcd',
  'kwok',
];
/** KWOK's stages (what its fake kubelet does to nodes and Pods), next to the binaries. */
export const KWOK_STAGES = 'kwok-stages.yaml';
// The release's own "fast" stages, as kwokctl composes them: nodes become Ready and renew their
// lease; Pods go Pending -> Running/Ready, Succeeded/Failed when their containers are jobs, and are
// removed when deleted. Read from the module, so they always match the kwok binary.
const KWOK_STAGE_FILES = [
  'kustomize/stage/node/fast/node-initialize.yaml',
  'kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml',
  'kustomize/stage/pod/fast/pod-ready.yaml',
  'kustomize/stage/pod/fast/pod-complete.yaml',
  'kustomize/stage/pod/fast/pod-delete.yaml',
];

async function kwokStages(go, version, cwd) {
  const { stdout } = await run(
    go,
    ['mod', 'download', '-json', `sigs.k8s.io/kwok@${version}`],
    { cwd },
  );
  const { Dir } = JSON.parse(stdout);
  return KWOK_STAGE_FILES.map(
    f =>
      `# ${f} (sigs.k8s.io/kwok ${version})\n${readFileSync(
        join(Dir, f),
        'utf8',
      ).trim()}\n`,
  ).join('---\n');
}

export function cachedBinaries(versions = readVersions()) {
  const dir = binDir(versions);
  const paths = Object.fromEntries(BINARIES.map(b => [b, join(dir, b)]));
  return BINARIES.every(b => isExecutable(paths[b])) &&
    existsSync(join(dir, KWOK_STAGES))
    ? { ...paths, kwokStages: join(dir, KWOK_STAGES) }
    : null;
}

/** -ldflags: strip symbols like Kubernetes' release builds, and stamp the real version (a plain
 * `go build` reports v0.0.0-master+$Format:%H$, which clients such as Helm refuse). */
function kubeLdflags(version, buildDate) {
  const [, major, minor] = /^v(\d+)\.(\d+)\./.exec(version);
  const vars = {
    gitVersion: version,
    gitMajor: major,
    gitMinor: minor,
    // Module zips carry no commit; empty beats the placeholder "$Format:%H$" of a plain go build.
    gitCommit: '',
    gitTreeState: 'archive',
    buildDate,
  };
  const flags = ['-s', '-w'];
  for (const pkg of [
    'k8s.io/component-base/version',
    'k8s.io/client-go/pkg/version',
  ]) {
    for (const [k, v] of Object.entries(vars))
      flags.push(`-X ${pkg}.${k}=${v}`);
  }
  return flags.join(' ');
}

function etcdLdflags(version) {
  return [
    '-s',
    '-w',
    `-X go.etcd.io/etcd/api/v3/version.GitSHA=module-${version}`,
  ].join(' ');
}

async function moduleTime(go, modPath, version, cwd) {
  try {
    const { stdout } = await run(
      go,
      ['mod', 'download', '-json', `${modPath}@${version}`],
      { cwd },
    );
    return (
      JSON.parse(readFileSync(JSON.parse(stdout).Info, 'utf8')).Time ||
      '1970-01-01T00:00:00Z'
    );
  } catch {
    return '1970-01-01T00:00:00Z';
  }
}

/**
 * Ensures every binary exists in the cache and returns their paths.
 * Safe to call from several processes at once.
 */
export async function ensureBuilt({ force = false } = {}) {
  const versions = readVersions();
  const cached = cachedBinaries(versions);
  if (cached && !force) {
    log(`binaries cached in ${binDir(versions)}`);
    return cached;
  }
  const problems = checkModules(versions);
  if (problems.length) {
    throw new Error(
      `Go modules are out of date with k8s/control-plane/versions.json:\n  ${problems.join(
        '\n  ',
      )}\nRun: node k8s/scripts/gen-modules.mjs`,
    );
  }
  const go = findGo();
  if (!go) {
    throw new Error(
      'Go is needed to build the local control plane and was not found (PATH, $GO, /usr/local/go/bin/go).\n' +
        'Without Go, point the tools at an existing cluster instead: see k8s/README.md ("Using an existing cluster").',
    );
  }
  const vdir = versionCacheDir(versions);
  mkdirSync(vdir, { recursive: true });
  const lockFile = join(vdir, '.build.lock');
  let waitingSince = 0;
  while (!acquireLock(lockFile)) {
    if (!waitingSince) {
      waitingSince = Date.now();
      log(`another build is running (lock ${lockFile}); waiting for it`);
    }
    await sleep(2000);
    const done = cachedBinaries(versions);
    if (done && !force) return done;
  }
  const tmp = join(vdir, `.bin-tmp-${process.pid}-${Date.now()}`);
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
    cleanStaleTemps(vdir);
    // Another process may have finished while we waited for the lock.
    const done = cachedBinaries(versions);
    if (done && !force) return done;

    mkdirSync(tmp, { recursive: true });
    const { stdout: goVersion } = await run(go, ['env', 'GOVERSION']);
    const { stdout: goCache } = await run(go, ['env', 'GOCACHE', 'GOMODCACHE']);
    log(
      `building kube-apiserver, kube-controller-manager and kube-scheduler ${
        versions.kubernetes
      }, etcd ${versions.etcd} and kwok ${
        versions.kwok
      } with ${goVersion.trim()} (caches: ${goCache
        .trim()
        .split('\n')
        .join(', ')})`,
    );
    log(
      'the first build compiles Kubernetes (~2,500 packages) and KWOK: expect about 15 minutes on 2 cores',
    );
    const started = Date.now();

    const k8sDate = await moduleTime(
      go,
      'k8s.io/kubernetes',
      versions.kubernetes,
      MODULES.kubeApiserver.dir,
    );
    const kubeFlags = kubeLdflags(versions.kubernetes, k8sDate);
    const ka = MODULES.kubeApiserver;
    // kube-apiserver first: it compiles most of what the controller manager and scheduler share.
    const builds = [
      ['kube-apiserver', ka.dir, ka.tool, kubeFlags],
      ['kube-controller-manager', ka.dir, ka.controllerManager, kubeFlags],
      ['kube-scheduler', ka.dir, ka.scheduler, kubeFlags],
      ['etcd', MODULES.etcd.dir, MODULES.etcd.tool, etcdLdflags(versions.etcd)],
      ['kwok', MODULES.kwok.dir, MODULES.kwok.tool, '-s -w'],
    ];
    for (const [name, cwd, pkg, ldflags] of builds) {
      log(`go build ${name} (modules are downloaded on first use)`);
      const b = await goBuild(
        go,
        ['-trimpath', '-ldflags', ldflags, '-o', join(tmp, name), pkg],
        { cwd, label: name },
      );
      log(
        `${name} built in ${formatDuration(b.ms)} (${
          b.compiled
        } packages compiled, rest from the Go build cache)`,
      );
    }
    writeFileSync(
      join(tmp, KWOK_STAGES),
      await kwokStages(go, versions.kwok, MODULES.kwok.dir),
    );

    const sizes = Object.fromEntries(
      BINARIES.map(b => [b, statSync(join(tmp, b)).size]),
    );
    writeFileSync(
      join(tmp, 'build-info.json'),
      JSON.stringify(
        {
          ...versions,
          go: goVersion.trim(),
          builtAt: new Date().toISOString(),
          buildSeconds: Math.round((Date.now() - started) / 1000),
          sizes,
        },
        null,
        2,
      ) + '\n',
    );

    const bin = binDir(versions);
    if (existsSync(bin)) rmSync(bin, { recursive: true, force: true }); // only with --force
    renameSync(tmp, bin); // atomic: bin/ is either absent or complete
    log(
      `done in ${formatDuration(Date.now() - started)}: ${BINARIES.map(
        b => `${b} ${(sizes[b] / 1e6).toFixed(0)} MB`,
      ).join(', ')} in ${bin}`,
    );
    return cachedBinaries(versions);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
  }
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  ensureBuilt({ force: process.argv.includes('--force') })
    .then(paths => {
      for (const p of Object.values(paths)) console.log(p);
    })
    .catch(e => {
      console.error(e.message);
      process.exit(1);
    });
}
