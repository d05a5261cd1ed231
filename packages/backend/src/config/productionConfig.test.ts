// The production configuration as the production backend reads it (app-config.yaml, then
// app-config.production.yaml): no sign-in that lets anyone in, and the permission policy on.
import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { readPavedPermissionsConfig } from '@internal/plugin-permission-backend-module-paved-policy';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

// Dummy values for every ${VAR} the files use; an unknown name fails the test, so a new secret
// shows up here.
const ENV: Record<string, string> = {
  PAVED_BASE_URL: 'https://paved.example.com',
  POSTGRES_HOST: 'db.example.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'paved',
  POSTGRES_PASSWORD: 'dummy-password',
  AUTH_GITHUB_CLIENT_ID: 'dummy-client-id',
  AUTH_GITHUB_CLIENT_SECRET: 'dummy-client-secret',
  PAVED_GITHUB_ORG: 'paved-example',
  GITHUB_TOKEN: 'dummy-token',
  PAVED_PSEUDONYM_SALT: 'dummy-salt-of-at-least-thirty-two-characters',
};

async function load(...files: string[]): Promise<Config> {
  const source = ConfigSources.defaultForTargets({
    rootDir: ROOT,
    targets: files.map(file => ({
      type: 'path',
      target: path.join(ROOT, file),
    })),
    substitutionFunc: async name => {
      if (!(name in ENV))
        throw new Error(`unexpected environment variable ${name}`);
      return ENV[name];
    },
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

describe('app-config.production.yaml on app-config.yaml', () => {
  let config: Config;
  beforeAll(async () => {
    config = await load('app-config.yaml', 'app-config.production.yaml');
  });

  it('runs auth in the production environment', () => {
    expect(config.getString('auth.environment')).toBe('production');
  });

  it('has no guest and no paved-test sign-in', () => {
    const providers = config.getConfig('auth.providers');
    expect(providers.keys()).not.toContain('guest');
    expect(providers.has('guest')).toBe(false);
    expect(providers.keys()).not.toContain('paved-test');
    expect(providers.keys()).not.toContain('pavedTest');
    expect(providers.keys()).toContain('github');
  });

  it('offers no guest on the sign-in page', () => {
    expect(config.getStringArray('paved.signIn.providers')).not.toContain(
      'guest',
    );
  });

  it('signs in with GitHub by user ID, not by the deprecated login-name resolver', () => {
    const resolvers = config
      .getConfigArray('auth.providers.github.production.signIn.resolvers')
      .map(r => r.getString('resolver'));
    expect(resolvers).toEqual(['userIdMatchingUserEntityAnnotation']);
  });

  it('turns the permission framework on, with a valid Paved policy configuration', () => {
    expect(config.getBoolean('permission.enabled')).toBe(true);
    expect(readPavedPermissionsConfig(config).platformTeam).toBe(
      'group:default/platform',
    );
  });

  it('takes the adoption pseudonym key from a secret, not from the database', () => {
    expect(config.getString('adoptionMetrics.pseudonymSalt')).toBe(
      ENV.PAVED_PSEUDONYM_SALT,
    );
  });
});

describe('app-config.yaml alone (development)', () => {
  it('keeps guest sign-in for the laptop, in the development environment', async () => {
    const config = await load('app-config.yaml');
    expect(config.getString('auth.environment')).toBe('development');
    expect(config.has('auth.providers.guest')).toBe(true);
    expect(config.has('auth.providers.paved-test')).toBe(false);
  });
});
