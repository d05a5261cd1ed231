import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { describeKubernetes, rejectionOf } from '..';

// The claim CRD is generated from the platform team's XRD (platform/crossplane/xrds), so these are
// the answers a service team would get from a cluster running Crossplane.
const claims = {
  group: 'platform.paved.dev',
  version: 'v1alpha1',
  plural: 'postgresqlinstances',
};

function claim(name: string, parameters: Record<string, unknown>) {
  return {
    apiVersion: 'platform.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: { name },
    spec: { parameters, compositionRef: { name: 'postgresqlinstance-aws' } },
  };
}

describeKubernetes('a PostgreSQLInstance claim', k8s => {
  const create = (body: object) =>
    k8s.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .createNamespacedCustomObject({
        ...claims,
        namespace: k8s.namespace,
        body,
      });

  it('is accepted within the XRD schema, with its defaults filled in', async () => {
    const created = await create(
      claim('orders-db', { storageGB: 50, tier: 'standard' }),
    );
    expect(created.spec.parameters).toEqual({
      storageGB: 50,
      tier: 'standard',
      region: 'us-east-1',
      multiAZ: false,
      version: '16',
      backupEnabled: true,
    });
  });

  it('is rejected when storageGB is over the maximum', async () => {
    const rejection = await rejectionOf(
      create(claim('too-big', { storageGB: 5000, tier: 'standard' })),
    );
    expect(rejection.code).toBe(422);
    expect(rejection.message).toContain(
      'spec.parameters.storageGB: Invalid value: 5000: spec.parameters.storageGB in body should be less than or equal to 500',
    );
  });

  it('is rejected for a tier the platform does not offer', async () => {
    const rejection = await rejectionOf(
      create(claim('huge', { storageGB: 50, tier: 'huge' })),
    );
    expect(rejection.code).toBe(422);
    expect(rejection.message).toContain(
      'spec.parameters.tier: Unsupported value: "huge": supported values: "small", "standard", "large"',
    );
  });

  describe('with a misspelt field (storageGb)', () => {
    const typo = (name: string) =>
      claim(name, { storageGB: 20, tier: 'small', storageGb: 20 });

    it('is rejected with 400 under strict field validation', async () => {
      const api = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
      const rejection = await rejectionOf(
        api.createNamespacedCustomObject({
          ...claims,
          namespace: k8s.namespace,
          body: typo('strict'),
          fieldValidation: 'Strict',
        }),
      );
      expect(rejection).toMatchObject({ code: 400, reason: 'BadRequest' });
      expect(rejection.message).toContain(
        'strict decoding error: unknown field "spec.parameters.storageGb"',
      );
    });

    it('is accepted without it, the field silently pruned', async () => {
      const created = await create(typo('lenient'));
      expect(created.spec.parameters).not.toHaveProperty('storageGb');
    });

    it('fails server-side apply with a 500, not a 4xx', async () => {
      const api = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
      const rejection = await rejectionOf(
        api.patchNamespacedCustomObject(
          {
            ...claims,
            namespace: k8s.namespace,
            name: 'applied',
            body: typo('applied'),
            fieldManager: 'paved-kubernetes-testing',
          },
          setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
        ),
      );
      // The API server cannot build a typed patch from a field its schema lacks. Callers that
      // apply must validate first, or they will report a server fault for a user's typo.
      expect(rejection.code).toBe(500);
      expect(rejection.message).toContain(
        '.spec.parameters.storageGb: field not declared in schema',
      );
    });
  });
});
