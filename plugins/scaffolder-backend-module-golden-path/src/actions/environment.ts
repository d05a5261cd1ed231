import { InputError } from '@backstage/errors';
import {
  EnvironmentConfig,
  GoldenPathConfig,
} from '../config/goldenPathConfig';
import { ownValue } from '../guardrails/checkClaimRequest';

/** The configured environment, or an InputError listing the ones that exist. */
export function environmentConfig(
  config: GoldenPathConfig,
  environment: string,
): EnvironmentConfig {
  const env = ownValue(config.environments, environment);
  if (!env) {
    throw new InputError(
      `Unknown environment "${environment}": choose ${Object.keys(
        config.environments,
      ).join(', ')} ` +
        '(the platform team configures them under paved.goldenPath.environments).',
    );
  }
  return env;
}
