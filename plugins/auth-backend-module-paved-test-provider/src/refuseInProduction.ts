// The guard both sign-in paths share: a production backend that finds one of them configured
// stops at start-up, so a copied config line cannot open sign-in to anyone who asks.
import { RootConfigService } from '@backstage/backend-plugin-api';

export function refuseInProduction(
  config: RootConfigService,
  providerId: string,
): void {
  const nodeEnv = process.env.NODE_ENV;
  const authEnvironment = config.getOptionalString('auth.environment');
  if (nodeEnv === 'production' || authEnvironment === 'production') {
    throw new Error(
      `auth.providers.${providerId} is configured, but this backend runs in production ` +
        `(NODE_ENV=${nodeEnv ?? 'unset'}, auth.environment=${
          authEnvironment ?? 'unset'
        }). ` +
        `The ${providerId} sign-in lets anyone sign in as someone else; remove auth.providers.${providerId} ` +
        `from the production configuration (or set it to null).`,
    );
  }
}
