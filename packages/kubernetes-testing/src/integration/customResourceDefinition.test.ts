import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { describeKubernetes, rejectionOf, waitFor } from '..';

const FIELD_MANAGER = 'paved-kubernetes-testing';

// A CRD of the tests' own, cluster-wide and shared by every run: applying it again changes nothing.
const widgetsCrd: V1CustomResourceDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.test.paved.dev' },
  spec: {
    group: 'test.paved.dev',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['size'],
                properties: {
                  size: { type: 'integer', minimum: 1, maximum: 10 },
                  // client-node's typed models call `default` `_default` (a reserved word in
                  // the generator); a plain `default` key is silently dropped when serialised.
                  colour: { type: 'string', _default: 'grey' },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describeKubernetes('a custom resource definition', k8s => {
  const widgets = {
    group: 'test.paved.dev',
    version: 'v1',
    plural: 'widgets',
  };

  beforeAll(async () => {
    const objects = KubernetesObjectApi.makeApiClient(k8s.kubeConfig);
    await objects.patch(
      widgetsCrd,
      undefined,
      undefined,
      FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
    const crds = k8s.kubeConfig.makeApiClient(ApiextensionsV1Api);
    await waitFor('widgets.test.paved.dev to be Established', async () => {
      const crd = await crds.readCustomResourceDefinition({
        name: 'widgets.test.paved.dev',
      });
      return crd.status?.conditions?.some(
        c => c.type === 'Established' && c.status === 'True',
      );
    });
  }, 60_000);

  it('serves the new kind once Established, with schema defaults applied', async () => {
    const custom = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
    // Discovery can trail Established by a moment.
    const created = await waitFor('the widgets resource to be served', () =>
      custom
        .createNamespacedCustomObject({
          ...widgets,
          namespace: k8s.namespace,
          body: {
            apiVersion: 'test.paved.dev/v1',
            kind: 'Widget',
            metadata: { name: 'small' },
            spec: { size: 3 },
          },
        })
        .catch(error => {
          if (error.code === 404) return undefined;
          throw error;
        }),
    );
    expect(created.spec).toEqual({ size: 3, colour: 'grey' });
  });

  it('rejects an object that breaks the schema with 422', async () => {
    const custom = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
    const rejection = await rejectionOf(
      custom.createNamespacedCustomObject({
        ...widgets,
        namespace: k8s.namespace,
        body: {
          apiVersion: 'test.paved.dev/v1',
          kind: 'Widget',
          metadata: { name: 'huge' },
          spec: { size: 11 },
        },
      }),
    );
    expect(rejection.code).toBe(422);
    expect(rejection.message).toContain(
      'spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10',
    );
  });

  it('answers 404 with a Status for a missing object of a served kind', async () => {
    const custom = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
    const rejection = await rejectionOf(
      custom.getNamespacedCustomObject({
        ...widgets,
        namespace: k8s.namespace,
        name: 'absent',
      }),
    );
    expect(rejection).toEqual({
      code: 404,
      reason: 'NotFound',
      message: 'widgets.test.paved.dev "absent" not found',
    });
  });

  it('answers a bare 404 for a kind whose CRD is not installed', async () => {
    const custom = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
    const rejection = await rejectionOf(
      custom.listNamespacedCustomObject({
        group: 'test.paved.dev',
        version: 'v1',
        plural: 'gadgets',
        namespace: k8s.namespace,
      }),
    );
    // Not a Status object but the router's plain-text "404 page not found": code that reports
    // "CRD not installed" must go by the code alone.
    expect(rejection).toEqual({
      code: 404,
      reason: undefined,
      message: '404 page not found',
    });
  });
});
