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

describe('readGoldenPathConfig in production', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  const readWith = (goldenPath: unknown, authEnvironment?: string) =>
    readGoldenPathConfig(
      new ConfigReader({
        auth: authEnvironment ? { environment: authEnvironment } : {},
        paved: { goldenPath },
      } as any),
    );
  const withoutScm = () => {
    const { scm: _scm, ...rest } = appConfigGoldenPath() as any;
    return rest;
  };

  it('refuses the embedded git host when auth.environment is production, saying what to set', () => {
    expect(() => readWith(appConfigGoldenPath(), 'production')).toThrow(
      /paved.goldenPath.scm.provider is embedded, but this backend runs in production \(NODE_ENV=test, auth.environment=production\).*provider github, gitlab or gitea, with host and organization, and an integrations.<provider> entry/,
    );
  });

  it('refuses a missing scm (embedded by default) when NODE_ENV is production', () => {
    process.env.NODE_ENV = 'production';
    expect(() => readWith(withoutScm())).toThrow(
      /paved.goldenPath.scm.provider is embedded \(the default: paved.goldenPath.scm is not set\), but this backend runs in production \(NODE_ENV=production/,
    );
  });

  it('accepts a real SCM in production, and the embedded host outside it', () => {
    const gitea = {
      ...appConfigGoldenPath(),
      scm: { provider: 'gitea', host: 'git.example.com', organization: 'acme' },
    };
    expect(readWith(gitea, 'production').scm.provider).toBe('gitea');
    expect(readWith(appConfigGoldenPath(), 'development').scm.provider).toBe(
      'embedded',
    );
  });
});
