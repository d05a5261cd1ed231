#!/usr/bin/env node
// Builds Argo CD (github.com/argoproj/argo-cd/v3) and the kustomize its repo server runs, from their Go
// modules (k8s/control-plane/{argocd,kustomize}), once per machine, into
// ${XDG_CACHE_HOME:-$HOME/.cache}/paved/k8s/argocd<argocd>-kustomize<kustomize>/bin/.
//
//   node k8s/scripts/build-argocd.mjs            build unless cached
//   node k8s/scripts/build-argocd.mjs --force    rebuild
//
// Argo CD ships one binary that is the application controller, the repo server, ... by the name it is
// run as (argv[0]), so bin/ holds `argocd` and symlinks named after the components. The build needs
// the Go toolchain Argo CD's go.mod asks for (versions.json "argocdGo"); the go command fetches it
// from the module proxy once (GOTOOLCHAIN).
import { pathToFileURL } from 'node:url';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import {
  cacheRoot,
  findGo,
  formatDuration,
  isExecutable,
  log,
  readVersions,
  run,
} from './lib/common.mjs';
import { buildOnce, goBuild } from './lib/cached-build.mjs';
import { MODULES, checkModules, goToolchainEnv } from './gen-modules.mjs';

/** The components we run, as the names the argocd binary answers to. */
export const ARGOCD_COMPONENTS = [
  'argocd-application-controller',
  'argocd-repo-server',
];

export function argocdCacheDir(versions = readVersions()) {
  return join(
    cacheRoot(),
    `argocd${versions.argocd}-kustomize${versions.kustomize}`,
  );
}

// The release's own RBAC for the application controller (its ServiceAccount, the Role in Argo CD's
// namespace and the cluster-wide ClusterRole), copied next to the binaries.
const RBAC_DIRS = [
  'manifests/base/application-controller-roles',
  'manifests/cluster-rbac/application-controller',
];

export function cachedArgocd(versions = readVersions()) {
  const bin = join(argocdCacheDir(versions), 'bin');
  const paths = Object.fromEntries(
    ['argocd', 'kustomize', 'git-verify-wrapper.sh', ...ARGOCD_COMPONENTS].map(
      b => [b, join(bin, b)],
    ),
  );
  const manifests = join(bin, 'manifests');
  return Object.values(paths).every(isExecutable) && existsSync(manifests)
    ? { bin, manifests, ...paths }
    : null;
}

// Scripts Argo CD's image puts on PATH: the repo server runs git-verify-wrapper.sh on every
// revision it reads (and fails with "permission denied" without it).
const RELEASE_SCRIPTS = ['hack/git-verify-wrapper.sh', 'hack/gpg-wrapper.sh'];

/** `go mod download -json` of the pinned Argo CD module: { Dir, Info, ... }. */
async function argocdModule(go, versions, env) {
  const { stdout } = await run(
    go,
    [
      'mod',
      'download',
      '-json',
      `${MODULES.argocd.requires}@${versions.argocd}`,
    ],
    { cwd: MODULES.argocd.dir, env },
  );
  return JSON.parse(stdout);
}

/** Copies the release's controller RBAC (to `to`) and its helper scripts (to `bin`). */
function copyReleaseFiles({ Dir }, to, bin) {
  for (const script of RELEASE_SCRIPTS) {
    const target = join(bin, basename(script));
    copyFileSync(join(Dir, script), target);
    chmodSync(target, 0o755);
  }
  mkdirSync(to, { recursive: true });
  for (const dir of RBAC_DIRS)
    for (const file of readdirSync(join(Dir, dir)))
      if (file.endsWith('.yaml') && file !== 'kustomization.yaml')
        copyFileSync(join(Dir, dir, file), join(to, file));
}

/** -ldflags of Argo CD's own Makefile, so `argocd version` and the controller's logs say 3.x. */
function argocdLdflags(module, versions) {
  const released = JSON.parse(readFileSync(module.Info, 'utf8')).Time;
  const pkg = 'github.com/argoproj/argo-cd/v3/common';
  const vars = {
    version: versions.argocd.replace(/^v/, ''),
    buildDate: released,
    gitTag: versions.argocd,
    gitTreeState: 'clean',
    // Module zips carry no commit.
    gitCommit: 'module',
    kubectlVersion: versions.kubernetes,
  };
  return [
    '-s',
    '-w',
    ...Object.entries(vars).map(([k, v]) => `-X ${pkg}.${k}=${v}`),
  ].join(' ');
}

export async function ensureArgocdBuilt({ force = false } = {}) {
  const versions = readVersions();
  const cached = () => cachedArgocd(versions);
  if (!force && cached()) return cached();
  const problems = checkModules(versions);
  if (problems.length)
    throw new Error(
      `Go modules are out of date with k8s/control-plane/versions.json:\n  ${problems.join(
        '\n  ',
      )}\nRun: node k8s/scripts/gen-modules.mjs`,
    );
  const go = findGo();
  if (!go)
    throw new Error(
      'Go is needed to build Argo CD and was not found (PATH, $GO, /usr/local/go/bin/go).',
    );
  return buildOnce({
    dir: argocdCacheDir(versions),
    cached,
    force,
    build: async tmp => {
      const started = Date.now();
      const env = {
        ...process.env,
        ...goToolchainEnv(versions, MODULES.argocd),
      };
      log(
        `building Argo CD ${versions.argocd} and kustomize ${versions.kustomize} with ${versions.argocdGo} ` +
          '(the go command fetches that toolchain once); the first build compiles ~2,800 packages: ' +
          'expect 10-15 minutes on 2 cores and about 3 GB of memory',
      );
      const module = await argocdModule(go, versions, env);
      const builds = [
        ['argocd', MODULES.argocd, argocdLdflags(module, versions)],
        ['kustomize', MODULES.kustomize, '-s -w'],
      ];
      for (const [name, mod, ldflags] of builds) {
        const b = await goBuild(
          go,
          ['-trimpath', '-ldflags', ldflags, '-o', join(tmp, name), mod.tool],
          { cwd: mod.dir, label: name, env },
        );
        log(
          `${name} built in ${formatDuration(b.ms)} (${
            b.compiled
          } packages compiled, rest from the Go build cache)`,
        );
      }
      for (const component of ARGOCD_COMPONENTS)
        symlinkSync('argocd', join(tmp, component));
      copyReleaseFiles(module, join(tmp, 'manifests'), tmp);
      writeFileSync(
        join(tmp, 'build-info.json'),
        `${JSON.stringify(
          {
            argocd: versions.argocd,
            kustomize: versions.kustomize,
            go: versions.argocdGo,
            builtAt: new Date().toISOString(),
            buildSeconds: Math.round((Date.now() - started) / 1000),
            sizes: {
              argocd: statSync(join(tmp, 'argocd')).size,
              kustomize: statSync(join(tmp, 'kustomize')).size,
            },
          },
          null,
          2,
        )}\n`,
      );
      log(
        `Argo CD and kustomize built in ${formatDuration(
          Date.now() - started,
        )}`,
      );
    },
  });
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  ensureArgocdBuilt({ force: process.argv.includes('--force') })
    .then(paths => console.log(paths.bin))
    .catch(e => {
      console.error(e.message);
      process.exit(1);
    });
}
