import { ConfigReader } from '@backstage/config';
import { appConfigGoldenPath } from '../__testUtils__/goldenPathConfigFixture';
import { readGoldenPathConfig } from './goldenPathConfig';

const read = (goldenPath: unknown) =>
  readGoldenPathConfig(new ConfigReader({ paved: { goldenPath } } as any));

describe('readGoldenPathConfig', () => {
  it("reads app-config.yaml's golden path with its defaults", () => {
    const config = read(appConfigGoldenPath());
    expect(config.scm.provider).toBe('embedded');
    expect(config.delivery).toEqual({
      mode: 'gitops',
      gitopsRepository: 'gitops',
      gitopsOwner: 'platform',
      gitopsBranch: 'main',
    });
    expect(config.environments.production.autoSync).toBe(false);
    expect(config.offerings.postgresql.tiers.large.requiresApproval).toBe(true);
  });

  it('says what to add when the section is missing', () => {
    expect(() => readGoldenPathConfig(new ConfigReader({}))).toThrow(
      /paved.goldenPath is missing from the app config: add at least paved.goldenPath.environments/,
    );
  });

  it.each([
    [{ delivery: { mode: 'ftp' } }, /paved.goldenPath.delivery.mode/],
    [
      { scm: { provider: 'github' } },
      /github, gitlab and gitea need both host and organization/,
    ],
    [
      { environments: {} },
      /paved.goldenPath.environments: needs at least one environment/,
    ],
    [{ argocd: { url: 'not a url' } }, /paved.goldenPath.argocd.url/],
  ])('names the wrong key of %j', (change, message) => {
    expect(() => read({ ...appConfigGoldenPath(), ...change })).toThrow(
      message,
    );
  });

  it('checks the offerings too', () => {
    const goldenPath = appConfigGoldenPath();
    goldenPath.offerings.postgresql.apiVersion = 'PostgreSQL';
    expect(() => read(goldenPath)).toThrow(
      /paved.goldenPath.offerings.postgresql.apiVersion: must look like group\/version/,
    );
  });
});
