import { ConfigReader } from '@backstage/config';
import { readGitHostConfig } from './config';
import {
  gitHostRepositoryConditions,
  gitHostRepositoryRules,
  repositoryResources,
} from './permissions';

const resourcesFor = (config: object) =>
  repositoryResources(
    readGitHostConfig(new ConfigReader(config)).automationOnlyRepositories,
  );

describe('git-host-repository rules', () => {
  it('HAS_OWNER matches the owner part of owner/name only', async () => {
    const [ledger] = await resourcesFor({})(['payments/ledger']);
    const { apply } = gitHostRepositoryRules.HAS_OWNER;
    expect(apply(ledger!, { owners: ['payments', 'platform'] })).toBe(true);
    expect(apply(ledger!, { owners: ['checkout'] })).toBe(false);
    expect(apply(ledger!, { owners: ['ledger'] })).toBe(false);
  });

  it('IS_AUTOMATION_ONLY matches the golden path default GitOps repository, platform/gitops', async () => {
    const [gitops, other] = await resourcesFor({})([
      'platform/gitops',
      'platform/docs',
    ]);
    const { apply } = gitHostRepositoryRules.IS_AUTOMATION_ONLY;
    expect(apply(gitops!, undefined)).toBe(true);
    expect(apply(other!, undefined)).toBe(false);
  });

  it('IS_AUTOMATION_ONLY follows paved.goldenPath.delivery and gitHost.automationOnlyRepositories', async () => {
    const resources = await resourcesFor({
      paved: {
        goldenPath: {
          delivery: { gitopsOwner: 'ops', gitopsRepository: 'deploys' },
        },
      },
      gitHost: { automationOnlyRepositories: ['platform/seed'] },
    })(['ops/deploys', 'platform/seed', 'platform/gitops']);
    expect(resources.map(r => r?.automationOnly)).toEqual([true, true, false]);
  });

  it('loads no resource for a ref that is not owner/name', async () => {
    expect(await resourcesFor({})(['../x', 'a/b/c', 'nope'])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('exports conditions under the rule names the policy uses', () => {
    expect(gitHostRepositoryConditions.HAS_OWNER({ owners: ['a'] })).toEqual({
      rule: 'HAS_OWNER',
      resourceType: 'git-host-repository',
      params: { owners: ['a'] },
    });
    expect(gitHostRepositoryConditions.IS_AUTOMATION_ONLY()).toMatchObject({
      rule: 'IS_AUTOMATION_ONLY',
      resourceType: 'git-host-repository',
    });
  });
});

describe('gitHost limits config', () => {
  it('has the documented defaults', () => {
    expect(readGitHostConfig(new ConfigReader({}))).toMatchObject({
      maxPushSizeBytes: 100 * 1024 * 1024,
      gitTimeoutMs: 120_000,
      maxBlobSizeBytes: 10 * 1024 * 1024,
      automationOnlyRepositories: ['platform/gitops'],
    });
  });

  it('refuses a limit that is not positive, naming the key', () => {
    expect(() =>
      readGitHostConfig(
        new ConfigReader({ gitHost: { gitTimeoutSeconds: 0 } }),
      ),
    ).toThrow(/gitHost\.gitTimeoutSeconds: 0 is not positive/);
  });
});
