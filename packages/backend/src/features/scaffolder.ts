import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubActions from '@backstage/plugin-scaffolder-backend-module-github';
import notificationActions from '@backstage/plugin-scaffolder-backend-module-notifications';
import goldenPathActions from '@internal/plugin-scaffolder-backend-module-golden-path';

/**
 * The scaffolder and every action module the portal installs. One list, used by the backend
 * and by the template validation, so "this action is known to the backend" means the same in
 * both places.
 */
export default createBackendFeatureLoader({
  loader: () => [
    scaffolderPlugin,
    githubActions,
    notificationActions,
    goldenPathActions,
  ],
});
