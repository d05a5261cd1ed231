// The dropdown both Create fields share: entities by title, the form's value their entity ref.
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import TextField from '@material-ui/core/TextField';
import Autocomplete, {
  createFilterOptions,
} from '@material-ui/lab/Autocomplete';
import { entityTitle } from './permissionChecks';

const filterOptions = createFilterOptions<Entity>({
  stringify: entity => `${entityTitle(entity)} ${stringifyEntityRef(entity)}`,
});

export const EntityRefAutocomplete = (props: {
  id?: string;
  label: string;
  required?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  loading?: boolean;
  options: Entity[];
  value?: string;
  onChange: (entityRef: string | undefined) => void;
}) => {
  const selected =
    props.options.find(e => stringifyEntityRef(e) === props.value) ?? null;
  return (
    <Autocomplete<Entity>
      id={props.id}
      options={props.options}
      value={selected}
      loading={props.loading}
      disabled={props.disabled}
      onChange={(_, entity) =>
        props.onChange(entity ? stringifyEntityRef(entity) : undefined)
      }
      getOptionLabel={entityTitle}
      getOptionSelected={(option, value) =>
        stringifyEntityRef(option) === stringifyEntityRef(value)
      }
      filterOptions={filterOptions}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          margin="dense"
          variant="outlined"
          required={props.required}
          error={props.invalid}
        />
      )}
    />
  );
};
