// A plugin the suite adds to the backend it starts, only to hold the backend's own auth service:
// the suite acts as a service principal (as the golden path does) where only services may act.
import {
  AuthService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

export const probe: { auth?: AuthService } = {};

export const suiteProbePlugin = createBackendPlugin({
  pluginId: 'security-suite',
  register(env) {
    env.registerInit({
      deps: { auth: coreServices.auth },
      async init({ auth }) {
        probe.auth = auth;
      },
    });
  },
});

/** A service token for `targetPluginId`, from the security-suite plugin's own credentials. */
export async function serviceToken(targetPluginId: string): Promise<string> {
  const auth = probe.auth!;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId,
  });
  return token;
}
