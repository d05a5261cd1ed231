// Test-only sign-in: the catalog User named in a request header gets a Backstage token, so an
// in-process test can act as amara.okafor, then as kwame.mensah, without an identity provider.
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { refuseInProduction } from './refuseInProduction';

export const PAVED_TEST_PROVIDER_ID = 'paved-test';
const DEFAULT_HEADER = 'x-paved-test-user';
// A catalog entity name (the catalog's own rule), so the header cannot name a ref or a path.
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

const headerAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    return {
      header: (
        config.getOptionalString('header') ?? DEFAULT_HEADER
      ).toLowerCase(),
    };
  },
  async authenticate({ req }, { header }) {
    const userName = req.header(header);
    if (!userName || !USER_NAME.test(userName)) {
      throw new AuthenticationError(
        `paved-test sign-in needs the header ${header}: the name of a catalog User, e.g. amara.okafor`,
      );
    }
    return { result: { userName } };
  },
});

export const authModulePavedTestProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'paved-test-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (!config.has(`auth.providers.${PAVED_TEST_PROVIDER_ID}`)) return;
        refuseInProduction(config, PAVED_TEST_PROVIDER_ID);
        logger.warn(
          'paved-test sign-in is on: anyone who reaches this backend can sign in as any catalog User. Tests only.',
        );
        providers.registerProvider({
          providerId: PAVED_TEST_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: headerAuthenticator,
            // Catalog Users only: a name the catalog does not know is refused, never made up.
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: { kind: 'User', name: result.userName },
              }),
          }),
        });
      },
    });
  },
});
