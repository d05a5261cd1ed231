// What every backend started from the production build by a check shares: production mode, the
// check's static token, the PostgreSQL database prefix of the run, and the test Gitea as the SCM
// (scripts/production-check/app-config.yaml reads these).
import crypto from 'node:crypto';

/** The config files every such backend starts with (the CMD's two, then the check's overlay). */
export const PRODUCTION_CHECK_CONFIGS = [
  'app-config.yaml',
  'app-config.production.yaml',
  'scripts/production-check/app-config.yaml',
];

export function productionCheckEnvironment(env, { pg, gitea, prefix, token }) {
  return {
    ...env,
    NODE_ENV: 'production',
    PAVED_CHECK_TOKEN: token,
    PAVED_REPLICAS_DB_PREFIX: prefix,
    POSTGRES_HOST: pg.host,
    POSTGRES_PORT: String(pg.port),
    POSTGRES_USER: pg.user,
    POSTGRES_PASSWORD: pg.password,
    PAVED_GITEA_URL: gitea.baseUrl,
    PAVED_GITEA_HOST: gitea.host,
    PAVED_GITEA_ORG: gitea.organization,
    PAVED_GITEA_USER: gitea.username,
    PAVED_GITEA_TOKEN: gitea.token,
    // Sign-in is not used (the check has a static token), but production needs the keys set.
    AUTH_GITHUB_CLIENT_ID: 'production-check',
    AUTH_GITHUB_CLIENT_SECRET: 'production-check',
    PAVED_GITHUB_ORG: gitea.organization,
    // One key for every replica: a pseudonym must be the same whichever replica computes it.
    PAVED_PSEUDONYM_SALT: crypto.randomBytes(32).toString('base64url'),
  };
}
