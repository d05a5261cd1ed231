// The Create form offers only what the person may do: the scaffolder fields of the golden path
// that ask the permission backend before the person submits anything, and the Template Editor
// tab only for those who may dry-run templates.
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { templateDryRunPermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/** `ui:field: TeamPicker`: the owning team, among those the person may create services for. */
const teamPickerField = FormFieldBlueprint.make({
  name: 'team-picker',
  params: {
    field: async () => {
      const { TeamPickerField } = await import('./TeamPickerField');
      const { validateTeam } = await import('./validation');
      return createFormField({
        name: 'TeamPicker',
        component: TeamPickerField as any,
        validation: validateTeam as any,
      });
    },
  },
});

/** `ui:field: ComponentChangePicker`: the service to change, refused at once if not theirs. */
const componentChangePickerField = FormFieldBlueprint.make({
  name: 'component-change-picker',
  params: {
    field: async () => {
      const { ComponentChangePickerField } = await import(
        './ComponentChangePickerField'
      );
      const { validateComponentChange } = await import('./validation');
      return createFormField({
        name: 'ComponentChangePicker',
        component: ComponentChangePickerField as any,
        validation: validateComponentChange as any,
      });
    },
  },
});

/**
 * The Template Editor runs templates as dry runs, with the platform's integration credentials:
 * the policy lets the platform team alone (scaffolder.template.dry-run), so everyone else would
 * get a tab whose every run answers 403. The app asks the permission backend once and leaves the
 * tab out for them.
 */
const templateEditorForDryRunners = scaffolderPlugin
  .getExtension('sub-page:scaffolder/editor')
  .override({
    if: { permissions: { $contains: templateDryRunPermission.name } },
  });

export const goldenPathFormModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    teamPickerField,
    componentChangePickerField,
    templateEditorForDryRunners,
  ],
});
