import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { doraMetrics, rate } from '@internal/plugin-adoption-metrics-common';
import { AdoptionPage } from './AdoptionPage';

const window = {
  from: '2026-10-26T00:00:00Z',
  to: '2026-11-23T00:00:00Z',
  timeZone: 'UTC',
};
const dora = doraMetrics(
  [
    {
      at: '2026-11-10T10:00:00Z',
      revision: 'a',
      outcome: 'succeeded',
      commitTimes: ['2026-11-10T08:00:00Z'],
    },
    { at: '2026-11-11T10:00:00Z', revision: 'b', outcome: 'failed' },
    { at: '2026-11-11T11:00:00Z', revision: 'b', outcome: 'succeeded' },
  ],
  window,
);

const summary = (owner?: string) => ({
  window,
  goldenPathAdoption: {
    ...(owner ? rate(1, 2) : rate(3, 4)),
    previous: rate(1, 4),
    source: 'catalog snapshot of 2026-11-23',
    recommendedTemplates: ['template:default/new-microservice'],
  },
  dora: {
    ...dora,
    previous: dora,
    source: 'Argo CD history of production Applications',
  },
  teams: [
    {
      owner: 'group:default/checkout',
      services: 2,
      goldenPathAdoption: rate(1, 2),
    },
    {
      owner: 'group:default/payments',
      services: 2,
      goldenPathAdoption: rate(2, 2),
    },
  ],
  sources: [
    {
      collector: 'argocd-history',
      lastAttemptAt: '2026-11-23T10:00:00Z',
      lastError: 'Cannot reach cluster prod-eu',
    },
  ],
});

function render() {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const owner = new URL(String(input)).searchParams.get('owner') ?? undefined;
    return new Response(JSON.stringify(summary(owner)));
  });
  renderInTestApp(<AdoptionPage />, {
    apis: [
      [
        discoveryApiRef,
        {
          getBaseUrl: async () => 'http://localhost:7007/api/adoption-metrics',
        },
      ],
      [fetchApiRef, { fetch }],
    ] as const,
  });
  return fetch;
}

describe('AdoptionPage', () => {
  it('shows each number with what it is made of, its band and its source', async () => {
    render();
    expect(await screen.findByText('75 %')).toBeInTheDocument();
    expect(
      screen.getByText(
        /3 of 4 services made from template:default\/new-microservice/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('+50 pts vs previous period')).toBeInTheDocument();
    expect(
      screen.getByText(/1 of 3 deployments failed or were rolled back/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/\(dora-2023\)/).length).toBeGreaterThan(0);
    expect(
      screen.getByText(/Cannot reach cluster prod-eu/),
    ).toBeInTheDocument();
  });

  it('filters to a team', async () => {
    const fetch = render();
    await screen.findByText('75 %');
    fireEvent.mouseDown(screen.getAllByRole('button', { name: /^Team/ })[0]);
    fireEvent.click(
      within(screen.getByRole('listbox')).getByText('group:default/payments'),
    );
    expect(await screen.findByText('50 %')).toBeInTheDocument();
    expect(String(fetch.mock.calls.at(-1)![0])).toContain(
      'owner=group%3Adefault%2Fpayments',
    );
  });
});
