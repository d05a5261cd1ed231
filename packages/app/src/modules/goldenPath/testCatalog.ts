// A small organisation for the Create-field tests: three teams and two services.
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';

const group = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', profile: { displayName }, children: [] },
});

const component = (name: string, title: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'service', lifecycle: 'production', owner },
});

export const entities = [
  group('checkout', 'Checkout Team'),
  group('payments', 'Payments Team'),
  group('platform', 'Platform Team'),
  component('payments-gateway', 'Payments Gateway', 'group:default/payments'),
  component('cart-service', 'Cart Service', 'group:default/checkout'),
];

/** The app's APIs with a permission backend that allows exactly `allowed` (permission → refs). */
export function apisAllowing(allowed: Record<string, string[]>) {
  const authorize = jest.fn(
    (request: { permission: { name: string }; resourceRef?: string }) =>
      (allowed[request.permission.name] ?? []).includes(request.resourceRef!)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  );
  const permissionApi: PermissionApi = {
    authorize: async request => ({ result: authorize(request) }),
  };
  const apis = [
    [catalogApiRef, catalogApiMock({ entities })],
    // A plain PermissionApi (not mockApis.permission, whose type cannot be named in an export).
    [permissionApiRef, permissionApi],
  ] as const;
  return { apis, authorize };
}

/** Props the scaffolder form passes a field, for a field rendered on its own. */
export function fieldProps<T>(
  overrides: { formData?: T; onChange?: (v: T | undefined) => void } & Record<
    string,
    unknown
  >,
) {
  return {
    schema: { title: 'Owner', type: 'string' },
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    required: true,
    disabled: false,
    readonly: false,
    name: 'field',
    rawErrors: [],
    onBlur: () => {},
    onFocus: () => {},
    onChange: () => {},
    registry: {},
    ...overrides,
  } as any;
}
