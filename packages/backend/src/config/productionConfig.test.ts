// The production configuration as the production backend reads it (app-config.yaml, then
// app-config.production.yaml): no sign-in that lets anyone in, the permission policy on, and no
// state on one replica's disk.
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Config, ConfigReader } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { readPavedPermissionsConfig } from '@internal/plugin-permission-backend-module-paved-policy';
import { readGoldenPathConfig } from '@internal/plugin-scaffolder-backend-module-golden-path';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { productionStateProblems } from '../production/productionState';
import { productionStateGuardPlugin } from '../production/productionStateGuard';

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
  TECHDOCS_S3_BUCKET: 'paved-techdocs',
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

/** The config's data with one key (dotted path) replaced; undefined deletes it. */
function changed(config: Config, key: string, value: unknown): Config {
  const data = structuredClone(config.get<Record<string, any>>());
  const parts = key.split('.');
  let node = data;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  if (value === undefined) delete node[parts.at(-1)!];
  else node[parts.at(-1)!] = value;
  return new ConfigReader(data);
}

describe('state on one replica disk, in production', () => {
  let config: Config;
  beforeAll(async () => {
    config = await load('app-config.yaml', 'app-config.production.yaml');
  });

  it('has the golden path publish to GitHub, not to the embedded git host', () => {
    const scm = readGoldenPathConfig(config).scm;
    expect(scm).toEqual({
      provider: 'github',
      host: 'github.com',
      organization: ENV.PAVED_GITHUB_ORG,
    });
  });

  it('refuses to start the golden path without an SCM, saying what to configure', () => {
    expect(() =>
      readGoldenPathConfig(changed(config, 'paved.goldenPath.scm', undefined)),
    ).toThrow(
      /paved.goldenPath.scm.provider is embedded \(the default: paved.goldenPath.scm is not set\), but this backend runs in production.*Set paved.goldenPath.scm to the SCM/,
    );
    expect(() =>
      readGoldenPathConfig(
        changed(config, 'paved.goldenPath.scm', { provider: 'embedded' }),
      ),
    ).toThrow(/paved.goldenPath.scm.provider is embedded, but/);
  });

  it('keeps nothing on local disk: PostgreSQL, TechDocs on S3 built by CI, task recovery with workspaces in the database', () => {
    expect(productionStateProblems(config)).toEqual([]);
    expect(config.getString('scaffolder.taskRecovery.workspaceProvider')).toBe(
      'database',
    );
    expect(
      config.getBoolean(
        'scaffolder.taskRecovery.database.dangerouslyEnableInProduction',
      ),
    ).toBe(true);
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('techdocs.builder')).toBe('external');
    expect(config.getString('techdocs.publisher.type')).toBe('awsS3');
    expect(config.getString('techdocs.publisher.awsS3.bucketName')).toBe(
      ENV.TECHDOCS_S3_BUCKET,
    );
  });

  it.each([
    [
      'backend.database.client',
      'better-sqlite3',
      /backend.database.client is better-sqlite3: SQLite keeps every plugin's data in files on this replica's disk. Set backend.database.client: pg/,
    ],
    [
      'techdocs.publisher',
      { type: 'local' },
      /techdocs.publisher.type is local with no techdocs.publisher.local.publishDirectory.*awsS3, googleGcs, azureBlobStorage or openStackSwift/,
    ],
    [
      'techdocs.publisher',
      undefined,
      /techdocs.publisher.type is unset \(local\)/,
    ],
    [
      'scaffolder.taskRecovery.enabled',
      false,
      /scaffolder.taskRecovery.enabled is not true.*another replica takes it over/,
    ],
    [
      'scaffolder.taskRecovery.workspaceProvider',
      undefined,
      /scaffolder.taskRecovery.workspaceProvider is not set: a task resumed on another replica .* finds an empty workspace.*Set it to database/,
    ],
  ])(
    'refuses %s = %j with a message saying what to set',
    (key, value, message) => {
      const problems = productionStateProblems(changed(config, key, value));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    },
  );

  it('accepts a local TechDocs folder that the operator names (a shared volume)', () => {
    const local = changed(config, 'techdocs.publisher', {
      type: 'local',
      local: { publishDirectory: '/var/lib/paved/techdocs' },
    });
    expect(productionStateProblems(local)).toEqual([]);
  });

  it('asks nothing of a development backend', async () => {
    const development = await load('app-config.yaml');
    expect(development.getString('backend.database.client')).toBe(
      'better-sqlite3',
    );
    expect(
      productionStateProblems(development, { NODE_ENV: 'development' }),
    ).toEqual([]);
    // The same SQLite config with NODE_ENV=production is refused.
    expect(
      productionStateProblems(development, { NODE_ENV: 'production' }),
    ).toHaveLength(2);
  });

  it('stops the backend at start-up when production keeps state on local disk', async () => {
    const sqlite = changed(config, 'backend.database.client', 'better-sqlite3');
    await expect(
      startTestBackend({
        features: [
          productionStateGuardPlugin,
          mockServices.rootConfig.factory({ data: sqlite.get() }),
        ],
      }),
    ).rejects.toThrow(
      /This backend runs in production, where several replicas share one database and no disk; fix the configuration:\n- backend.database.client is better-sqlite3/,
    );
  });

  it("starts every template's recovered task over, so a workspace is scratch", () => {
    const templatesDir = path.join(ROOT, 'templates');
    const templates = fs
      .readdirSync(templatesDir)
      .filter(dir =>
        fs.existsSync(path.join(templatesDir, dir, 'template.yaml')),
      );
    expect(templates.length).toBeGreaterThanOrEqual(2);
    for (const dir of templates) {
      const template = parse(
        fs.readFileSync(path.join(templatesDir, dir, 'template.yaml'), 'utf8'),
      );
      expect({
        dir,
        recovery: template.spec.EXPERIMENTAL_recovery,
      }).toEqual({ dir, recovery: { EXPERIMENTAL_strategy: 'startOver' } });
    }
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
