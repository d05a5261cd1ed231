// `./paved check gitea`: the golden path's gitea provider against a real Gitea (built once per
// machine from its Go module, see gitea/README.md): starts one, runs the Jest tests named
// *.gitea.test.ts (repository publishing, the GitOps repository under contention) against it with the test's PAVED_TEST_GITEA_* variables set and PAVED_REQUIRE_GITEA=1
// (so it cannot pass by skipping), and stops it.
import { giteaTestEnv, startTestGitea } from '../lib/gitea.mjs';
import { step } from '../lib/run.mjs';
import { yarn } from '../lib/yarn.mjs';

/** Jest's path pattern for the tests that need a real Gitea (`*.gitea.test.ts`). */
export const GITEA_TESTS = '\\.gitea\\.test\\.ts$';

export default async function checkGitea(env) {
  const gitea = await step(
    'Gitea for the SCM tests (built once per machine)',
    () => startTestGitea(env),
  );
  try {
    await step('Golden-path repositories on a real Gitea (Jest)', () =>
      yarn(['backstage-cli', 'repo', 'test', '--ci', GITEA_TESTS], {
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
