// The Delivery card's live view against a real API server with Argo CD's own Application CRD, read
// with exactly what the Helm chart grants the portal, beside a cluster that cannot be reached.
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  chartClusterRules,
  describeKubernetes,
} from '@internal/kubernetes-testing';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { readerClusterConfig } from '../__testUtils__/readerCluster';
import { liveApplications } from './liveApplications';

jest.setTimeout(60_000);

const group = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
};

describeKubernetes("a component's live Argo CD Applications", k8s => {
  const component = `shop-${Date.now().toString(36)}`;
  let config: ConfigReader;

  const application = (environment: string, status: object) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${component}-${environment}`,
      labels: {
        'backstage.io/kubernetes-id': component,
        'paved.dev/environment': environment,
      },
    },
    spec: {
      project: 'default',
      source: { repoURL: 'https://git.example/shop.git', path: 'k8s' },
      destination: { name: 'paved-local', namespace: `shop-${environment}` },
    },
    // Argo CD's CRD has no status subresource: its controller writes status with the object.
    status,
  });

  beforeAll(async () => {
    config = await readerClusterConfig(k8s, chartClusterRules());
    const objects = k8s.kubeConfig.makeApiClient(CustomObjectsApi);
    for (const body of [
      application('dev', {
        sync: { status: 'Synced', revision: 'abc1234' },
        health: { status: 'Healthy' },
        history: [
          { id: 0, revision: 'abc1234', deployedAt: '2026-12-01T10:00:00Z' },
        ],
        operationState: {
          // Argo CD's CRD requires the operation an operationState reports on.
          operation: { sync: { revision: 'abc1234' } },
          phase: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          startedAt: '2026-12-01T09:59:58Z',
          finishedAt: '2026-12-01T10:00:00Z',
        },
      }),
      application('staging', {
        sync: { status: 'Unknown' },
        health: { status: 'Healthy' },
        conditions: [
          {
            type: 'ComparisonError',
            message:
              'Failed to load target state: failed to generate manifest for source 1 of 1: kustomize build failed',
          },
        ],
      }),
    ])
      await objects.createNamespacedCustomObject({
        ...group,
        namespace: k8s.namespace,
        body,
      });
  });

  it("says per environment what Argo CD reports: sync, health, the last operation and Argo CD's messages", async () => {
    const { items, errors, clusters } = await liveApplications(
      { config, logger: mockServices.logger.mock() },
      component,
    );
    expect(clusters).toBe(2);
    // The test config also names a cluster that does not answer: reported, the other still read.
    expect(errors).toEqual([expect.stringMatching(/gone/)]);
    const byEnvironment = Object.fromEntries(
      items.map(i => [i.environment, i]),
    );
    expect(Object.keys(byEnvironment).sort()).toEqual(['dev', 'staging']);
    expect(byEnvironment.dev).toMatchObject({
      cluster: 'paved-local',
      name: `${component}-dev`,
      sync: 'Synced',
      health: 'Healthy',
      lastOperation: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
      },
      lastDeploy: { revision: 'abc1234', deployedAt: '2026-12-01T10:00:00Z' },
      conditions: [],
    });
    expect(byEnvironment.staging).toMatchObject({
      sync: 'Unknown',
      conditions: [
        {
          type: 'ComparisonError',
          message: expect.stringContaining('kustomize build failed'),
        },
      ],
    });
    expect(byEnvironment.staging.lastOperation).toBeUndefined();
  });

  it('lists nothing for a component without Applications', async () => {
    const { items } = await liveApplications(
      { config, logger: mockServices.logger.mock() },
      `${component}-none`,
    );
    expect(items).toEqual([]);
  });
});
