// `ui:field: ComponentChangePicker`: the service a template changes. Every Component is offered;
// once one is chosen the form says at once whether the person may change it
// (goldenPathComponentChangePermission) and, if not, who owns it and whom to ask. The field's
// validation refuses the same choice, so the form cannot be submitted with it.
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { EntityRefAutocomplete } from './EntityRefAutocomplete';
import { componentChangeRefusalFor, listComponents } from './permissionChecks';

export interface ComponentChangePickerOptions {
  /** What the template does, as in "You may not <action> payments-gateway" (default "change"). */
  action?: string;
}

export const ComponentChangePickerField = (
  props: FieldExtensionComponentProps<string, ComponentChangePickerOptions>,
) => {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const action = uiSchema['ui:options']?.action ?? 'change';
  const catalogApi = useApi(catalogApiRef);
  const permissionApi = useApi(permissionApiRef);
  const components = useAsync(() => listComponents(catalogApi), [catalogApi]);
  const refusal = useAsync(
    async () =>
      formData
        ? componentChangeRefusalFor(
            { catalogApi, permissionApi },
            formData,
            action,
          )
        : undefined,
    [catalogApi, permissionApi, formData, action],
  );

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? schema.description}
      required={required}
      disabled={props.disabled}
      errors={props.errors}
    >
      {components.error ? (
        <Alert severity="error">
          Could not list the services: {components.error.message}
        </Alert>
      ) : (
        <EntityRefAutocomplete
          id={props.idSchema?.$id}
          label={schema.title ?? 'Service'}
          required={required}
          disabled={props.disabled}
          invalid={Boolean(rawErrors?.length) || Boolean(refusal.value)}
          loading={components.loading}
          options={components.value ?? []}
          value={formData}
          onChange={onChange}
        />
      )}
      {/* After Next, the same refusal comes back as the field's error; say it once. */}
      {refusal.value && !rawErrors?.includes(refusal.value) && (
        <Alert severity="error" role="alert">
          {refusal.value}
        </Alert>
      )}
      {refusal.error && (
        <Alert severity="error">
          Could not check whether you may {action} this service:{' '}
          {refusal.error.message}
        </Alert>
      )}
    </ScaffolderField>
  );
};
