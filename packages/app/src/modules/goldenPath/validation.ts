// The Create form's own checks for the two fields, run when the person moves on from a step, so
// a refused choice (picked in the list or passed in the URL) never reaches the backend. The
// backend's preflight refuses it too; this only says so earlier.
import { ApiHolder } from '@backstage/core-plugin-api';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ComponentChangePickerOptions } from './ComponentChangePickerField';
import {
  componentChangeRefusalFor,
  mayCreateServiceFor,
} from './permissionChecks';
import { ownerRefusal } from './refusals';

function requireApis(apiHolder: ApiHolder) {
  const catalogApi = apiHolder.get(catalogApiRef);
  const permissionApi = apiHolder.get(permissionApiRef);
  if (!catalogApi || !permissionApi) {
    throw new Error('The catalog and permission APIs are not installed');
  }
  return { catalogApi, permissionApi };
}

export const validateTeam: CustomFieldValidator<string> = async (
  ownerRef,
  field,
  context,
) => {
  if (!ownerRef) return;
  const { permissionApi } = requireApis(context.apiHolder);
  if (!(await mayCreateServiceFor(permissionApi, ownerRef))) {
    field.addError(ownerRefusal(ownerRef));
  }
};

export const validateComponentChange: CustomFieldValidator<
  string,
  ComponentChangePickerOptions
> = async (componentRef, field, context) => {
  if (!componentRef) return;
  const refusal = await componentChangeRefusalFor(
    requireApis(context.apiHolder),
    componentRef,
    context.uiSchema?.['ui:options']?.action ?? 'change',
  );
  if (refusal) field.addError(refusal);
};
