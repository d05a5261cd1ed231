// Helm for the chart checks, built from its Go module (tools/helm/go.mod, whose require of
// helm.sh/helm/v4 is the one place its version is pinned) once per machine, into
// ${XDG_CACHE_HOME:-$HOME/.cache}/paved/helm/<version>/bin/helm, the way k8s/scripts/build.mjs
// builds kube-apiserver (lock file, temporary folder renamed into place).
//
//   node scripts/lib/helm.mjs            build unless cached; prints the binary's path
//   node scripts/lib/helm.mjs --force    rebuild
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  findGo,
  formatDuration,
  isExecutable,
  log,
  run,
} from '../../k8s/scripts/lib/common.mjs';
import { buildOnce, goBuild } from '../../k8s/scripts/lib/cached-build.mjs';
import { machineCacheDir, repoRoot } from './paths.mjs';

export const HELM_MODULE_DIR = path.join(repoRoot, 'tools', 'helm');
const HELM_MODULE = 'helm.sh/helm/v4';
const HELM_TOOL = `${HELM_MODULE}/cmd/helm`;

/** The version of helm.sh/helm/v4 that tools/helm/go.mod requires, e.g. v4.3.2. */
export function helmVersion() {
  const file = path.join(HELM_MODULE_DIR, 'go.mod');
  const match = new RegExp(
    `^\\s*(?:require\\s+)?${HELM_MODULE.replace(
      /[.]/g,
      '\\.',
    )}\\s+(v\\d+\\.\\d+\\.\\d+)\\b`,
    'm',
  ).exec(readFileSync(file, 'utf8'));
  if (!match)
    throw new Error(
      `${file} requires no ${HELM_MODULE} vX.Y.Z: it must (cd tools/helm && go get ${HELM_MODULE}@v4.3.2 && go mod tidy)`,
    );
  return match[1];
}

export function helmCacheDir(version = helmVersion()) {
  return path.join(machineCacheDir, 'helm', version);
}

export function cachedHelm(version = helmVersion()) {
  const helm = path.join(helmCacheDir(version), 'bin', 'helm');
  return isExecutable(helm) ? helm : null;
}

/**
 * The path of the helm binary, built first when this machine has none of the pinned version.
 * Safe to call from several processes at once.
 */
export async function ensureHelm({ force = false } = {}) {
  const version = helmVersion();
  const cached = cachedHelm(version);
  if (cached && !force) return cached;
  const go = findGo();
  if (!go)
    throw new Error(
      `Go is needed to build Helm ${version} (tools/helm) and was not found (PATH, $GO, /usr/local/go/bin/go): install Go >= 1.26`,
    );
  return buildOnce({
    dir: helmCacheDir(version),
    cached: () => cachedHelm(version),
    force,
    build: async tmp => {
      const { stdout: goVersion } = await run(go, ['env', 'GOVERSION']);
      log(
        `building helm ${version} with ${goVersion.trim()} (tools/helm; ~1,100 packages, minutes on 2 cores when the Go build cache is cold)`,
      );
      const started = Date.now();
      const built = await goBuild(
        go,
        [
          '-trimpath',
          // Strip symbols like Helm's release builds, and stamp the version: a plain go build
          // reports "v4.3" (internal/version's default), which would hide which patch runs.
          '-ldflags',
          `-s -w -X helm.sh/helm/v4/internal/version.version=${version}`,
          '-o',
          path.join(tmp, 'helm'),
          HELM_TOOL,
        ],
        { cwd: HELM_MODULE_DIR, label: 'helm' },
      );
      const { stdout: reported } = await run(
        path.join(tmp, 'helm'),
        ['version', '--template', '{{ .Version }}'],
        // No $HOME writes for a version string.
        {
          env: { ...process.env, HELM_CONFIG_HOME: tmp, HELM_CACHE_HOME: tmp },
        },
      );
      if (reported.trim() !== version)
        throw new Error(
          `the helm just built reports version ${reported.trim()}, not ${version}: is -X helm.sh/helm/v4/internal/version.version still the variable?`,
        );
      writeFileSync(
        path.join(tmp, 'build-info.json'),
        `${JSON.stringify(
          {
            helm: version,
            go: goVersion.trim(),
            builtAt: new Date().toISOString(),
            buildSeconds: Math.round((Date.now() - started) / 1000),
            packagesCompiled: built.compiled,
            size: statSync(path.join(tmp, 'helm')).size,
          },
          null,
          2,
        )}\n`,
      );
      log(
        `helm ${version} built in ${formatDuration(built.ms)} (${
          built.compiled
        } packages compiled, the rest from the Go build cache)`,
      );
    },
  });
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  ensureHelm({ force: process.argv.includes('--force') })
    .then(helm => console.log(helm))
    .catch(error => {
      console.error(error.message);
      process.exit(1);
    });
}
