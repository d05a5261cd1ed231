import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubActions from '@backstage/plugin-scaffolder-backend-module-github';
import notificationActions from '@backstage/plugin-scaffolder-backend-module-notifications';
import workspaceDatabase from '@backstage/plugin-scaffolder-backend-module-workspace-database';
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
    // keeps each task's workspace in the scaffolder's database after every step, so a task
    // resumed on another replica (or after a restart) finds its files (app-config.yaml,
    // scaffolder.taskRecovery.workspaceProvider)
    workspaceDatabase,
  ],
});
