import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TeamCard } from './TeamCard';
import { testSummary } from './testSummary';

describe('TeamCard', () => {
  it("asks for the group's own view (with sub-teams) and shows its numbers", async () => {
    const fetch = jest.fn(async (input: RequestInfo | URL) => {
      const owner = new URL(String(input)).searchParams.get('owner')!;
      return new Response(JSON.stringify(testSummary(owner)));
    });
    renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'payments', namespace: 'default' },
          spec: { type: 'team', children: [] },
        }}
      >
        <TeamCard />
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
          [coreApis.fetch, { fetch }],
        ] as const,
      },
    );
    expect(await screen.findByText('1 of 2 services')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 claims')).toBeInTheDocument();
    const query = new URL(String(fetch.mock.calls[0][0])).searchParams;
    expect(query.get('owner')).toBe('group:default/payments');
    expect(query.get('days')).toBe('28');
  });
});
