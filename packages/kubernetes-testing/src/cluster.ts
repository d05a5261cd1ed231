// Which Kubernetes API server the integration tests use: $KUBECONFIG when set, else the repository's
// local control plane (k8s/), started here when it is not running. Decided once per test file, at
// collection time, so that a suite without a cluster can be skipped as a whole.
//
// The control plane scripts are ES modules; Jest here cannot import() them, so they run as child
// processes (argument arrays, no shell), which is also how a developer runs them.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type TestCluster =
  | { available: true; kubeconfigPath: string; source: string }
  | { available: false; reason: string };

// This helper only ever runs from the repository's sources (Jest), next to k8s/, never from a build.
// eslint-disable-next-line no-restricted-syntax
const repoRoot = resolve(__dirname, '..', '..', '..');
const script = (path: string) => resolve(repoRoot, 'k8s', 'scripts', path);
// A first build of kube-apiserver takes ~9 minutes on 2 cores; later starts take seconds.
const UP_TIMEOUT_MS = 20 * 60_000;

/** Can this machine run the local control plane: binaries cached, or Go to build them? */
function localControlPlaneBuildable(): {
  go: string | null;
  binaries: boolean;
} {
  const probe = [
    `import { findGo } from ${JSON.stringify(
      pathToFileURL(script('lib/common.mjs')).href,
    )};`,
    `import { cachedBinaries } from ${JSON.stringify(
      pathToFileURL(script('build.mjs')).href,
    )};`,
    'process.stdout.write(JSON.stringify({ go: findGo(), binaries: Boolean(cachedBinaries()) }));',
  ].join('\n');
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', probe],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out);
}

function startLocalControlPlane(): string {
  try {
    const out = execFileSync(process.execPath, [script('up.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: UP_TIMEOUT_MS,
    });
    return out.trim().split('\n').pop()!;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    throw new Error(
      `the local control plane did not start (node k8s/scripts/up.mjs):\n${stderr
        .trim()
        .split('\n')
        .slice(-15)
        .join('\n')}`,
    );
  }
}

/** How setupTestCluster (Jest globalSetup) hands its finding to the test files' workers. */
export const TEST_CLUSTER_ENV = {
  kubeconfig: 'PAVED_TEST_CLUSTER_KUBECONFIG',
  source: 'PAVED_TEST_CLUSTER_SOURCE',
  unavailable: 'PAVED_TEST_CLUSTER_UNAVAILABLE',
};

let found: TestCluster | undefined;

/**
 * Finds (and if needed starts) the cluster for this test file. Unavailable only when there is no
 * KUBECONFIG and the local control plane can neither be started nor built; a control plane that
 * exists but fails to start is an error, not a reason to skip.
 */
export function findTestCluster(
  env: NodeJS.ProcessEnv = process.env,
): TestCluster {
  if (found) return found;
  const fromSetup = env[TEST_CLUSTER_ENV.kubeconfig];
  if (fromSetup) {
    found = {
      available: true,
      kubeconfigPath: fromSetup,
      source: env[TEST_CLUSTER_ENV.source] ?? fromSetup,
    };
    return found;
  }
  if (env[TEST_CLUSTER_ENV.unavailable]) {
    found = { available: false, reason: env[TEST_CLUSTER_ENV.unavailable]! };
    return found;
  }
  if (env.KUBECONFIG) {
    found = {
      available: true,
      kubeconfigPath: env.KUBECONFIG.split(':')[0],
      source: '$KUBECONFIG',
    };
    return found;
  }
  const { go, binaries } = localControlPlaneBuildable();
  if (!go && !binaries) {
    found = {
      available: false,
      reason:
        'KUBECONFIG is not set, and the local control plane can neither start nor be built here ' +
        '(no Go, no cached kube-apiserver). Install Go >= 1.26 or point KUBECONFIG at a cluster ' +
        '(kind, minikube): see k8s/README.md',
    };
    return found;
  }
  found = {
    available: true,
    kubeconfigPath: startLocalControlPlane(),
    source: 'the local control plane (k8s/scripts/up.mjs)',
  };
  return found;
}
