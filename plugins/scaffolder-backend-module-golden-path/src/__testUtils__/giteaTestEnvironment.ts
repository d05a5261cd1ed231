// Jest integration: a describe block that runs against the real Gitea that `./paved test` and
// `./paved check gitea` start (scripts/lib/gitea.mjs, whose giteaTestEnv() sets these variables),
// or is skipped with one loud line when they are unset, or fails when CI requires a real SCM
// (PAVED_REQUIRE_GITEA=1, or PAVED_REQUIRE_KUBERNETES=1 as CI sets), like describeKubernetes.

import { ConfigReader } from '@backstage/config';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ScmIntegrations } from '@backstage/integration';
import { IntegrationRepositoryHost } from '../scm/IntegrationRepositoryHost';

export interface GiteaTestEnvironment {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** host[:port], as integrations.gitea[].host takes it */
  host: string;
  organization: string;
  /** May create repositories in the organisation (a team with "Create repositories"). */
  username: string;
  token: string;
  /** The same token scopes, but no rights on the organisation. */
  limitedUsername: string;
  limitedToken: string;
}

export const GITEA_TEST_ENV = {
  baseUrl: 'PAVED_TEST_GITEA_URL',
  organization: 'PAVED_TEST_GITEA_ORG',
  username: 'PAVED_TEST_GITEA_USER',
  token: 'PAVED_TEST_GITEA_TOKEN',
  limitedUsername: 'PAVED_TEST_GITEA_LIMITED_USER',
  limitedToken: 'PAVED_TEST_GITEA_LIMITED_TOKEN',
} as const;

function fromEnv():
  | { available: true; gitea: GiteaTestEnvironment }
  | { available: false; missing: string[] } {
  const missing = Object.values(GITEA_TEST_ENV).filter(
    name => !process.env[name],
  );
  if (missing.length) return { available: false, missing };
  const value = (key: keyof typeof GITEA_TEST_ENV) =>
    process.env[GITEA_TEST_ENV[key]]!;
  return {
    available: true,
    gitea: {
      baseUrl: value('baseUrl').replace(/\/+$/, ''),
      host: new URL(value('baseUrl')).host,
      organization: value('organization'),
      username: value('username'),
      token: value('token'),
      limitedUsername: value('limitedUsername'),
      limitedToken: value('limitedToken'),
    },
  };
}

/**
 * `describe` for tests that need a real Gitea. Skips (saying why and how to run it) when the
 * PAVED_TEST_GITEA_* variables are unset; throws instead when PAVED_REQUIRE_GITEA=1 or
 * PAVED_REQUIRE_KUBERNETES=1, so that CI cannot pass with these tests skipped.
 */
export function describeGitea(
  name: string,
  body: (gitea: GiteaTestEnvironment) => void,
): void {
  const found = fromEnv();
  if (found.available) {
    // The title is the caller's (a string literal there); the rules cannot see through the wrapper.
    // eslint-disable-next-line jest/valid-title
    describe(name, () => {
      body(found.gitea);
    });
    return;
  }
  const reason = `${found.missing.join(
    ', ',
  )} unset: run it with ./paved check gitea (or ./paved test), which starts a real Gitea and sets them`;
  const required = ['PAVED_REQUIRE_GITEA', 'PAVED_REQUIRE_KUBERNETES'].find(
    flag => process.env[flag] === '1',
  );
  if (required)
    throw new Error(`${required}=1 but there is no test Gitea: ${reason}`);
  process.stderr.write(
    `\n!!! SKIPPING Gitea integration tests (${name}): ${reason}\n`,
  );
  // Skipped on purpose, and said so above: Jest still lists the block's tests as skipped.
  // eslint-disable-next-line jest/valid-title, jest/no-disabled-tests
  describe.skip(name, () => {
    body({
      baseUrl: '',
      host: '',
      organization: '',
      username: '',
      token: '',
      limitedUsername: '',
      limitedToken: '',
    });
  });
}

/** The golden path's gitea provider for the test Gitea, with the given user's token. */
export function giteaRepositoryHost(
  gitea: GiteaTestEnvironment,
  user = gitea.username,
  token = gitea.token,
): IntegrationRepositoryHost {
  return new IntegrationRepositoryHost({
    provider: 'gitea',
    host: gitea.host,
    organization: gitea.organization,
    integrations: ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          gitea: [
            {
              host: gitea.host,
              baseUrl: gitea.baseUrl,
              username: user,
              password: token,
            },
          ],
        },
      }),
    ),
  });
}

/** The golden-path user's token as a basic-auth header value. */
export function giteaBasicAuth(gitea: GiteaTestEnvironment): string {
  return `Basic ${Buffer.from(`${gitea.username}:${gitea.token}`).toString(
    'base64',
  )}`;
}

/** Real git as the golden-path user (the token as basic-auth password); resolves to stdout. */
export async function gitAs(
  gitea: GiteaTestEnvironment,
  args: string[],
  cwd: string,
): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: ${giteaBasicAuth(gitea)}`,
    },
  });
  return stdout;
}
