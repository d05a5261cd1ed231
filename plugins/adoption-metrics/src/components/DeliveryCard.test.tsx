import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { doraMetrics } from '@internal/plugin-adoption-metrics-common';
import { DeliveryCard } from './DeliveryCard';

const window = {
  from: '2026-08-25T00:00:00Z',
  to: '2026-11-23T00:00:00Z',
  timeZone: 'UTC',
};
const deploys = [
  { at: '2026-11-10T10:00:00Z', revision: 'a', outcome: 'succeeded' as const },
  { at: '2026-11-11T10:00:00Z', revision: 'b', outcome: 'failed' as const },
  { at: '2026-11-11T10:30:00Z', revision: 'b', outcome: 'succeeded' as const },
];

function render(
  answer: object,
  annotations: Record<string, string> = {},
  applications: object = { items: [], errors: [], clusters: 0 },
) {
  renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders-api', annotations },
        spec: {
          type: 'service',
          owner: 'group:default/checkout',
          lifecycle: 'production',
        },
      }}
    >
      <DeliveryCard />
    </EntityProvider>,
    {
      apis: [
        [
          coreApis.discovery,
          {
            getBaseUrl: async () =>
              'http://localhost:7007/api/adoption-metrics',
          },
        ],
        [
          coreApis.fetch,
          {
            fetch: async (url: RequestInfo | URL) =>
              new Response(
                JSON.stringify(
                  String(url).includes('/applications?')
                    ? applications
                    : answer,
                ),
              ),
          },
        ],
      ] as const,
    },
  );
}

describe('DeliveryCard', () => {
  it("shows the service's DORA four with bands and its golden-path origin", async () => {
    render(
      {
        window,
        deploys,
        dora: doraMetrics(deploys, window),
        origin: {
          createdAt: '2026-11-01T09:00:00Z',
          firstProductionDeployAt: '2026-11-01T15:00:00Z',
          timeToProductionHours: 6,
        },
        source: 'Argo CD history',
      },
      {
        'backstage.io/source-template': 'template:default/new-microservice',
        'paved.dev/created-at': '2026-11-01T09:00:00Z',
      },
    );
    expect(await screen.findByText(/33 % \(1 of 3\)/)).toBeInTheDocument();
    expect(screen.getByText('30 min')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Made on the golden path from template:default/new-microservice on 2026-11-01. Create to first production deploy: 6.0 h.',
      ),
    ).toBeInTheDocument();
  });

  it('says what to configure when no deploy was recorded', async () => {
    render({
      window,
      deploys: [],
      dora: doraMetrics([], window),
      source: 'Argo CD history',
    });
    expect(
      await screen.findByText('No production deploys recorded'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /needs the labels backstage.io\/kubernetes-id=orders-api and paved.dev\/environment=production/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not made from a golden-path template.'),
    ).toBeInTheDocument();
  });

  it("shows each environment's Argo CD status, and Argo CD's own message when a sync failed", async () => {
    render(
      {
        window,
        deploys: [],
        dora: doraMetrics([], window),
      },
      {},
      {
        items: [
          {
            cluster: 'paved-local',
            namespace: 'argocd',
            name: 'orders-api-staging',
            environment: 'staging',
            sync: 'OutOfSync',
            health: 'Missing',
            lastOperation: {
              phase: 'Failed',
              message:
                'one or more objects failed to apply, reason: namespaces "x" not found',
              finishedAt: '2026-12-07T02:00:00Z',
            },
            conditions: [],
          },
          {
            cluster: 'paved-local',
            namespace: 'argocd',
            name: 'orders-api-dev',
            environment: 'dev',
            sync: 'Synced',
            health: 'Healthy',
            lastOperation: {
              phase: 'Succeeded',
              message: 'successfully synced (all tasks run)',
              finishedAt: '2026-12-07T02:00:00Z',
            },
            lastDeploy: {
              revision: '5ba1dcb5d0342b3ef2951810fc88969ced97b181',
              deployedAt: '2026-12-07T02:00:00Z',
            },
            conditions: [],
          },
        ],
        errors: [],
        clusters: 1,
      },
    );
    const rows = await screen.findAllByRole('row');
    // Header, then dev before staging.
    expect(rows[1]).toHaveTextContent(/^devorders-api-dev on paved-local/);
    expect(rows[1]).toHaveTextContent('Synced, Healthy');
    expect(rows[1]).toHaveTextContent('revision 5ba1dcb');
    expect(rows[2]).toHaveTextContent(/^staging/);
    expect(rows[2]).toHaveTextContent(
      'one or more objects failed to apply, reason: namespaces "x" not found',
    );
  });

  it('says when Argo CD has not made the Application yet', async () => {
    render(
      { window, deploys: [], dora: doraMetrics([], window) },
      {},
      { items: [], errors: [], clusters: 1 },
    );
    expect(
      await screen.findByText(/No Argo CD Application of this service yet/),
    ).toBeInTheDocument();
  });

  it('says nothing of Argo CD when no cluster is configured', async () => {
    render({ window, deploys: [], dora: doraMetrics([], window) });
    expect(
      await screen.findByText('No production deploys recorded'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/No Argo CD Application of this service yet/),
    ).not.toBeInTheDocument();
  });
});
