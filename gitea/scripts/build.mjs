#!/usr/bin/env node
// Builds the Gitea server from its Go module (code.gitea.io/gitea, version pinned in
// gitea/versions.json) once per machine, into ${XDG_CACHE_HOME:-$HOME/.cache}/paved/gitea/<version>/bin/:
//   gitea        the server: stripped, its version stamped (main.Version)
//   static/      options/, templates/ and public/ of the module. A build without the `bindata` tag
//                reads them from STATIC_ROOT_PATH; bindata would need Gitea's frontend build,
//                which the REST API and git over HTTP do not use.
//
//   node gitea/scripts/build.mjs            build unless cached; prints the binary's path
//   node gitea/scripts/build.mjs --force    rebuild
//
// Lock file, temporary folder and atomic rename: k8s/scripts/lib/cached-build.mjs, as for
// kube-apiserver and helm. Gitea's go.mod has replace directives, so `go install …@version`
// refuses it: the build runs in a writable copy of the downloaded module, as its main module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  findGo,
  formatDuration,
  isExecutable,
  log,
  run,
} from '../../k8s/scripts/lib/common.mjs';
import { buildOnce, goBuild } from '../../k8s/scripts/lib/cached-build.mjs';

const MODULE = 'code.gitea.io/gitea';
const versionsFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'versions.json',
);

export function giteaVersion() {
  const { gitea } = JSON.parse(fs.readFileSync(versionsFile, 'utf8'));
  if (!/^v\d+\.\d+\.\d+$/.test(gitea ?? ''))
    throw new Error(
      `${versionsFile}: "gitea" must look like v1.2.3, got ${JSON.stringify(
        gitea,
      )}`,
    );
  return gitea;
}

function versionDir(version) {
  const base =
    process.env.XDG_CACHE_HOME ||
    path.join(process.env.HOME || '/tmp', '.cache');
  return path.join(base, 'paved', 'gitea', version);
}

/** { binary, staticRoot, version } of a complete cached build, or null. */
export function cachedGitea(version = giteaVersion()) {
  const bin = path.join(versionDir(version), 'bin');
  const binary = path.join(bin, 'gitea');
  const staticRoot = path.join(bin, 'static');
  return isExecutable(binary) &&
    fs.existsSync(path.join(staticRoot, 'options', 'locale'))
    ? { binary, staticRoot, version }
    : null;
}

async function build(go, version, tmp) {
  const started = Date.now();
  const { stdout: goVersion } = await run(go, ['env', 'GOVERSION']);
  const { stdout } = await run(go, [
    'mod',
    'download',
    '-json',
    `${MODULE}@${version}`,
  ]);
  const src = path.join(tmp, 'src');
  fs.cpSync(JSON.parse(stdout).Dir, src, { recursive: true });
  await run('chmod', ['-R', 'u+w', '--', src]); // the module cache is read-only
  log(
    `building Gitea ${version} with ${goVersion.trim()}: ~1,500 packages, 8 min on 2 cores with an empty Go build cache`,
  );
  // No build tags: since 1.26 Gitea's SQLite driver is the pure-Go one unless `sqlite_mattn` is
  // set, so it builds without cgo (goBuild sets CGO_ENABLED=0).
  const { compiled } = await goBuild(
    go,
    [
      '-trimpath',
      '-ldflags',
      `-s -w -X main.Version=${version.slice(1)}`,
      '-o',
      path.join(tmp, 'gitea'),
      '.',
    ],
    { cwd: src, label: 'gitea' },
  );
  for (const dir of ['options', 'templates', 'public'])
    fs.cpSync(path.join(src, dir), path.join(tmp, 'static', dir), {
      recursive: true,
    });
  fs.rmSync(src, { recursive: true, force: true });
  const buildSeconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(
    path.join(tmp, 'build-info.json'),
    `${JSON.stringify(
      {
        gitea: version,
        go: goVersion.trim(),
        builtAt: new Date().toISOString(),
        buildSeconds,
        compiled,
      },
      null,
      2,
    )}\n`,
  );
  log(
    `Gitea ${version} built in ${formatDuration(
      Date.now() - started,
    )} (${compiled} packages compiled, the rest from the Go build cache)`,
  );
}

/** Ensures Gitea is built; resolves to { binary, staticRoot, version }. Safe to call concurrently. */
export async function ensureGitea({ force = false } = {}) {
  const version = giteaVersion();
  if (!force && cachedGitea(version)) return cachedGitea(version);
  const go = findGo();
  if (!go)
    throw new Error(
      'Go is needed to build the test Gitea and was not found (PATH, $GO, /usr/local/go/bin/go).',
    );
  return buildOnce({
    dir: versionDir(version),
    cached: () => cachedGitea(version),
    build: tmp => build(go, version, tmp),
    force,
  });
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  ensureGitea({ force: process.argv.includes('--force') })
    .then(({ binary }) => console.log(binary))
    .catch(error => {
      console.error(error.message);
      process.exit(1);
    });
}
