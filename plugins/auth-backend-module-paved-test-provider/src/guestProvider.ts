// The development guest, in place of @backstage/plugin-auth-backend-module-guest-provider: that
// module reads auth.providers.guest unconditionally, so a production config cannot turn it off
// with `guest: null` (the backend would not start). This one registers only when configured and
// refuses to start in production; otherwise it behaves as the stock guest, minus the fallback
// that signs in a user the catalog does not know.
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { refuseInProduction } from './refuseInProduction';

const guestAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return {
      disabled:
        process.env.NODE_ENV !== 'development' &&
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') !==
          true,
    };
  },
  async authenticate(_, { disabled }) {
    if (disabled) {
      throw new NotAllowedError(
        'Guest sign-in works only with NODE_ENV=development, unless auth.providers.guest.dangerouslyAllowOutsideDevelopment is true (never in production)',
      );
    }
    return { result: {} };
  },
});

export const authModulePavedGuestProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'guest-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const guest = config.getOptionalConfig('auth.providers.guest');
        if (!guest) return;
        refuseInProduction(config, 'guest');
        const userEntityRef =
          guest.getOptionalString('userEntityRef') ?? 'user:default/guest';
        providers.registerProvider({
          providerId: 'guest',
          factory: createProxyAuthProviderFactory({
            authenticator: guestAuthenticator,
            signInResolver: async (_, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
          }),
        });
      },
    });
  },
});
