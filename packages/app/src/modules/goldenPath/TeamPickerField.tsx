// `ui:field: TeamPicker`: the owner of a new service, chosen among the teams the signed-in person
// may create services for (goldenPathServiceCreatePermission on the Group). When there is none,
// it says so and whom to ask, rather than offering an empty list.
import { useEffect } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { readAccessContacts } from './accessContacts';
import { EntityRefAutocomplete } from './EntityRefAutocomplete';
import { teamsYouMayCreateFor } from './permissionChecks';
import { noTeamMessage } from './refusals';

export const TeamPickerField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const catalogApi = useApi(catalogApiRef);
  const permissionApi = useApi(permissionApiRef);
  const config = useApi(coreApis.config);
  const teams = useAsync(
    () => teamsYouMayCreateFor(catalogApi, permissionApi),
    [catalogApi, permissionApi],
  );

  // One team: it is the answer, so the person need not pick it.
  const onlyTeam =
    teams.value?.length === 1 ? stringifyEntityRef(teams.value[0]) : undefined;
  useEffect(() => {
    if (onlyTeam && !formData) onChange(onlyTeam);
  }, [onlyTeam, formData, onChange]);

  const label = schema.title ?? 'Owner';
  let body;
  if (teams.error) {
    body = (
      <Alert severity="error">
        Could not list the teams you may create a service for:{' '}
        {teams.error.message}
      </Alert>
    );
  } else if (teams.value?.length === 0) {
    body = (
      <Alert severity="warning" aria-label={label}>
        {noTeamMessage(readAccessContacts(config))}
      </Alert>
    );
  } else {
    body = (
      <EntityRefAutocomplete
        id={props.idSchema?.$id}
        label={label}
        required={required}
        disabled={props.disabled}
        invalid={Boolean(rawErrors?.length)}
        loading={teams.loading}
        options={teams.value ?? []}
        value={formData}
        onChange={onChange}
      />
    );
  }
  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? schema.description}
      required={required}
      disabled={props.disabled}
      errors={props.errors}
    >
      {body}
    </ScaffolderField>
  );
};
