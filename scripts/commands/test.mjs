// `./paved test`: every check a change must pass, fastest first, so a mistake fails early.
// A missing PostgreSQL or Chromium is installed or the run fails; a missing Kubernetes API
// server fails only in CI (PAVED_REQUIRE_KUBERNETES=1, set by .ci/run). Gitea, the real SCM of
// the golden path's gitea tests, is built from its Go module once per machine like kube-apiserver.
import { step } from '../lib/run.mjs';
import { yarn } from '../lib/yarn.mjs';
import { startTestPostgres } from '../lib/postgres.mjs';
import { ensureDebianPackage } from '../lib/system-packages.mjs';
import { prepareProductionBuild } from '../lib/productionBuild.mjs';
import { checkTaskRecovery } from './check-task-recovery.mjs';
import { kubernetesForTests } from '../lib/kubernetes.mjs';
import { giteaTestEnv, startTestGitea } from '../lib/gitea.mjs';
import { platformEndToEnd } from '../lib/platformEndToEnd.mjs';

function postgresTestEnv(pg) {
  const url = `postgresql://${pg.user}:${encodeURIComponent(pg.password)}@${
    pg.host
  }:${pg.port}`;
  // TestDatabases (from @backstage/backend-test-utils) reads this to run the store tests on
  // a real PostgreSQL besides SQLite.
  return { BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: url };
}

export async function runAllTests(baseEnv) {
  const env = { ...baseEnv, CI: 'true' };
  // These checks import packages (yaml, @kubernetes/client-node) that `./paved` installs before
  // it calls this function, so they are loaded here, not when the script starts.
  const { checkChart } = await import('./check-chart.mjs');
  const { checkProductionBuild } = await import('./check-production-build.mjs');
  const { checkReplicas } = await import('./check-replicas.mjs');
  await step('Type check (tsc)', () => yarn(['tsc'], env));
  await step('Lint (ESLint)', () => yarn(['lint:all'], env));
  await step('Formatting (Prettier)', () => yarn(['prettier:check'], env));

  const pg = await step('PostgreSQL for the database tests', () =>
    startTestPostgres(),
  );
  const kubernetes = await step(
    'Kubernetes API server for the integration tests (built once per machine)',
    () => kubernetesForTests(env),
  );
  const testEnv = {
    ...env,
    ...postgresTestEnv(pg),
    ...(kubernetes.kubeconfig ? { KUBECONFIG: kubernetes.kubeconfig } : {}),
  };
  try {
    const gitea = await step(
      'Gitea for the SCM tests (built once per machine)',
      () => startTestGitea(env),
    );
    try {
      await step('Unit and integration tests (Jest)', () =>
        yarn(['backstage-cli', 'repo', 'test', '--ci'], {
          ...testEnv,
          ...giteaTestEnv(gitea),
          PAVED_REQUIRE_GITEA: '1',
        }),
      );
    } finally {
      await gitea.stop();
    }
    await step(
      'Helm chart: lint, and every rendered object dry-run applied (Helm built once per machine)',
      () => checkChart(testEnv),
    );
  } finally {
    await kubernetes.stop();
    // That control plane is gone; the checks below start their own where they need one.
    delete testEnv.KUBECONFIG;
  }
  // The image's steps, repeated without a container engine; both checks below run this build.
  const build = await step('Production build (the Dockerfile, repeated)', () =>
    prepareProductionBuild(testEnv),
  );
  await step(
    'Production build on PostgreSQL and Gitea: golden path, adoption, costs',
    () => checkProductionBuild(testEnv, { pg, build }),
  );
  await step('Two replicas on one PostgreSQL (production build)', () =>
    checkReplicas(testEnv, { pg, build }),
  );
  await step('Golden-path task survives a backend killed mid-way', () =>
    checkTaskRecovery(testEnv),
  );

  const chromium = await step('Chromium for the browser tests', () =>
    ensureDebianPackage('chromium', 'chromium'),
  );
  await step('End-to-end tests in Chromium (Playwright)', () =>
    yarn(['test:e2e'], { ...testEnv, PAVED_CHROMIUM: chromium }),
  );
  await step(
    'Create on the local platform: Argo CD syncs it, KWOK runs it (Playwright; Argo CD built once per machine)',
    () => platformEndToEnd(testEnv, { chromium }),
  );
  console.log('\nAll checks passed.');
}
