import { mockServices } from '@backstage/backend-test-utils';
import { ManifestApplier } from '@internal/plugin-kubernetes-access-node';
import { ArgoRefresh, REFRESH_ANNOTATION } from './ArgoRefresh';

const environments = {
  dev: { cluster: 'paved-local', autoSync: true },
  production: { cluster: 'prod-eu', autoSync: false },
} as any;

function applier(fail?: Error) {
  const apply = jest.fn(async () => {
    if (fail) throw fail;
    return { action: 'updated' as const, object: {} };
  });
  return { apply, get: jest.fn() } as unknown as ManifestApplier & {
    apply: jest.Mock;
  };
}

describe('ArgoRefresh', () => {
  it("annotates each environment's root Application once, on that environment's cluster", async () => {
    const a = applier();
    const refresh = new ArgoRefresh(
      {
        argocd: {
          namespace: 'argocd',
          project: 'default',
          refreshOnPush: true,
        },
        environments,
      },
      a,
      mockServices.logger.mock(),
    );
    await refresh.refresh(['dev', 'dev', 'production', 'no-such-env']);
    expect(a.apply.mock.calls.map(([request]) => request)).toEqual([
      {
        cluster: 'paved-local',
        fieldManager: 'paved-argocd-refresh',
        manifest: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: {
            name: 'paved-dev',
            namespace: 'argocd',
            annotations: { [REFRESH_ANNOTATION]: 'normal' },
          },
        },
      },
      expect.objectContaining({
        cluster: 'prod-eu',
        manifest: expect.objectContaining({
          metadata: expect.objectContaining({ name: 'paved-production' }),
        }),
      }),
    ]);
  });

  it('does nothing when refreshOnPush is off', async () => {
    const a = applier();
    await new ArgoRefresh(
      {
        argocd: {
          namespace: 'argocd',
          project: 'default',
          refreshOnPush: false,
        },
        environments,
      },
      a,
      mockServices.logger.mock(),
    ).refresh(['dev']);
    expect(a.apply).not.toHaveBeenCalled();
  });

  it('logs a refusal with what to grant, and does not fail the push', async () => {
    const logger = mockServices.logger.mock();
    await new ArgoRefresh(
      {
        argocd: {
          namespace: 'argocd',
          project: 'default',
          refreshOnPush: true,
        },
        environments,
      },
      applier(new Error('applications.argoproj.io "paved-dev" is forbidden')),
      logger,
    ).refresh(['dev']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Could not ask Argo CD to refresh argocd\/paved-dev on cluster paved-local .*forbidden.*Grant the portal "patch"/,
      ),
    );
  });
});
