// `./paved check gitea`: the golden path's gitea provider against a real Gitea (built once per
// machine from its Go module, see gitea/README.md): starts one, runs the Jest test that publishes
// repositories to it with the test's PAVED_TEST_GITEA_* variables set and PAVED_REQUIRE_GITEA=1
// (so it cannot pass by skipping), and stops it.
import { giteaTestEnv, startTestGitea } from '../lib/gitea.mjs';
import { step } from '../lib/run.mjs';
import { yarn } from '../lib/yarn.mjs';

export const GITEA_TEST_FILE =
  'plugins/scaffolder-backend-module-golden-path/src/actions/repository.gitea.test.ts';

export default async function checkGitea(env) {
  const gitea = await step(
    'Gitea for the SCM tests (built once per machine)',
    () => startTestGitea(env),
  );
  try {
    await step('Golden-path repositories on a real Gitea (Jest)', () =>
      yarn(['backstage-cli', 'repo', 'test', '--ci', GITEA_TEST_FILE], {
        ...env,
        // Without CI, `backstage-cli repo test` starts Jest in watch mode and never returns.
        CI: 'true',
        ...giteaTestEnv(gitea),
        PAVED_REQUIRE_GITEA: '1',
      }),
    );
  } finally {
    await gitea.stop();
  }
}
