import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { githubAuthApiRef } from '@backstage/core-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import type { SignInPageProps } from '@backstage/core-plugin-api';

const providersById: Record<string, 'guest' | SignInProviderConfig> = {
  guest: 'guest',
  github: {
    id: 'github-auth-provider',
    title: 'GitHub',
    message: 'Sign in with your GitHub account',
    apiRef: githubAuthApiRef,
  },
};

/** Offers the sign-in providers listed in `paved.signIn.providers`. */
export const PavedSignInPage = (props: SignInPageProps) => {
  const config = useApi(coreApis.config);
  const configured = config.getOptionalStringArray(
    'paved.signIn.providers',
  ) ?? ['guest'];
  const unknown = configured.filter(id => !providersById[id]);
  if (unknown.length > 0) {
    throw new Error(
      `paved.signIn.providers lists ${unknown.join(
        ', ',
      )}; supported: ${Object.keys(providersById).join(', ')}`,
    );
  }
  return (
    <SignInPage
      {...props}
      title="Paved"
      align="center"
      providers={configured.map(id => providersById[id])}
    />
  );
};

export const PavedSignInPageExtension = SignInPageBlueprint.make({
  params: { loader: async () => PavedSignInPage },
});
