// Faults as a developer or platform engineer meets them, against the real API server: each message
// names the cluster, the resource and the fix.
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CoreV1Api } from '@kubernetes/client-node';
import { describeKubernetes } from '@internal/kubernetes-testing';
import { createManifestApplier } from './applyManifest';

jest.setTimeout(60_000);

describeKubernetes('manifest applier faults', k8s => {
  const appliers: Record<string, ReturnType<typeof createManifestApplier>> = {};

  async function tokenFor(serviceAccount: string) {
    const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespacedServiceAccount({
      namespace: k8s.namespace,
      body: { metadata: { name: serviceAccount } },
    });
    const request = await core.createNamespacedServiceAccountToken({
      name: serviceAccount,
      namespace: k8s.namespace,
      body: { spec: { audiences: [], expirationSeconds: 3600 } },
    });
    return request.status!.token;
  }

  beforeAll(async () => {
    const cluster = k8s.kubeConfig.getCurrentCluster()!;
    const entry = (name: string, url: string, token: string) => ({
      name,
      url,
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
      ...(cluster.caData ? { caData: cluster.caData } : {}),
      ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
      skipTLSVerify: cluster.skipTLSVerify,
    });
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              // A service account without any rights.
              entry('no-rights', cluster.server, await tokenFor('nobody')),
              entry('closed-port', 'https://127.0.0.1:1', 'unused'),
            ],
          },
        ],
      },
    });
    appliers.any = createManifestApplier({
      config,
      logger: mockServices.logger.mock(),
      timeoutMs: 5_000,
    });
  });

  const claim = (storageGB: number) => ({
    apiVersion: 'platform.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: { name: 'orders-db', namespace: k8s.namespace },
    spec: { parameters: { storageGB, tier: 'standard' } },
  });

  it('names the cluster, the resource and RBAC as the fix when the service account may not write', async () => {
    await expect(
      appliers.any.apply({ cluster: 'no-rights', manifest: claim(20) }),
    ).rejects.toThrow(
      new RegExp(
        `no-rights[\\s\\S]*PostgreSQLInstance ${k8s.namespace}/orders-db[\\s\\S]*(RBAC|grant)`,
      ),
    );
  });

  it('names the cluster, its URL and the fix when the cluster cannot be reached', async () => {
    await expect(
      appliers.any.apply({ cluster: 'closed-port', manifest: claim(20) }),
    ).rejects.toThrow(
      /closed-port[\s\S]*https:\/\/127\.0\.0\.1:1[\s\S]*clusterLocatorMethods/,
    );
  });

  it('lists the configured clusters when asked for one that is not configured', async () => {
    await expect(
      appliers.any.apply({ cluster: 'prod-eu', manifest: claim(20) }),
    ).rejects.toThrow(/prod-eu[\s\S]*no-rights[\s\S]*closed-port/);
  });
});
