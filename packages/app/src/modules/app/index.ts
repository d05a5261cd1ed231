import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { PavedLightTheme } from './theme';
import { PavedSignInPageExtension } from './SignInPage';

/** Paved's branding for the app plugin: theme and sign-in page. */
export const brandModule = createFrontendModule({
  pluginId: 'app',
  extensions: [PavedLightTheme, PavedSignInPageExtension],
});
