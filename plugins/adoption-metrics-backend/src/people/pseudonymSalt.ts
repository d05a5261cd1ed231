// Where the pseudonym salt comes from. It must not sit in the same database as the pseudonyms
// (a dump of that database would then recompute every pseudonym from the catalog's user refs), so
// production reads it from config and refuses to start without it. On a laptop the salt the
// plugin generated and stored in adoption_secrets is still used, with a warning.
import { LoggerService } from '@backstage/backend-plugin-api';

export const SALT_MISSING_IN_PRODUCTION =
  'adoptionMetrics.pseudonymSalt is not set. In production the pseudonym salt must come from ' +
  'config, not from the database that holds the pseudonyms: set PAVED_PSEUDONYM_SALT to at least ' +
  '32 random characters (e.g. `openssl rand -hex 32`), which app-config.production.yaml reads ' +
  'as adoptionMetrics.pseudonymSalt. Keep it: changing it makes everyone new to the usage and ' +
  'survey figures.';

/** The configured salt, or undefined for the stored one (outside production only). */
export function pseudonymSaltSource(options: {
  configuredSalt?: string;
  logger: LoggerService;
  nodeEnv?: string;
}): string | undefined {
  if (options.configuredSalt) return options.configuredSalt;
  if (options.nodeEnv === 'production') {
    throw new Error(SALT_MISSING_IN_PRODUCTION);
  }
  options.logger.warn(
    'adoptionMetrics.pseudonymSalt is not set: using the salt stored in the plugin database ' +
      '(adoption_secrets). Fine on a laptop; production refuses to start without ' +
      'PAVED_PSEUDONYM_SALT.',
  );
  return undefined;
}
