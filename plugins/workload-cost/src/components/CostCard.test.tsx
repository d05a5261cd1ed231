import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CostCard } from './CostCard';
import { entityCost } from './testCosts';

function render(answer: object) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL) => new Response(JSON.stringify(answer)),
  );
  renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders-service', namespace: 'default' },
        spec: {
          type: 'service',
          owner: 'group:default/checkout',
          lifecycle: 'production',
        },
      }}
    >
      <CostCard />
    </EntityProvider>,
    {
      apis: [
        [
          coreApis.discovery,
          { getBaseUrl: async () => 'http://localhost:7007/api/workload-cost' },
        ],
        [coreApis.fetch, { fetch }],
      ] as const,
    },
  );
  return fetch;
}

describe('CostCard', () => {
  it('shows run-rate, month to date, forecast, change, breakdown and what is counted', async () => {
    const fetch = render(entityCost);
    expect(await screen.findByText('$84.00')).toBeInTheDocument();
    expect(screen.getByText('$61.50')).toBeInTheDocument();
    expect(screen.getByText('$81.10')).toBeInTheDocument();
    expect(screen.getByText('+16 % vs 2026-10')).toBeInTheDocument();
    expect(screen.getByText('Databases $30.00')).toBeInTheDocument();
    expect(
      screen.getByText(
        /1 workloads, 0 volumes,\s+1 claims; 1 things not counted/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not counted: container istio-proxy/),
    ).toBeInTheDocument();
    expect(String(fetch.mock.calls[0][0])).toContain(
      'entityRef=component%3Adefault%2Forders-service',
    );
  });

  it('counts today in the month to date and makes no comparison with an empty month', async () => {
    render({
      ...entityCost,
      todaySoFar: 1.25,
      previousMonth: { month: '2026-10', total: 0 },
    });
    expect(await screen.findByText('$62.75')).toBeInTheDocument(); // 61.50 + 1.25
    expect(screen.getByText('incl. $1.25 today so far')).toBeInTheDocument();
    expect(screen.getByText('no data for 2026-10')).toBeInTheDocument();
  });

  it('says which annotation or configuration is missing', async () => {
    render({
      entityRef: 'component:default/orders-service',
      currency: 'USD',
      missing: {
        reason: 'orders-service has no backstage.io/kubernetes-id annotation',
        fix: 'add backstage.io/kubernetes-id',
      },
    });
    expect(
      await screen.findByText(
        'orders-service has no backstage.io/kubernetes-id annotation',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('To fix: add backstage.io/kubernetes-id.'),
    ).toBeInTheDocument();
  });
});
