import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { rate, satisfaction } from '@internal/plugin-adoption-metrics-common';
import { PeopleSection } from './PeopleSection';

const usage = {
  window: { from: '2026-11-18', to: '2026-11-24', timeZone: 'Europe/Berlin' },
  eligible: { people: 40, source: 'User entities in the catalog' },
  averageDau: rate(12.5, 40),
  wau: rate(20, 40),
  mau: rate(30, 40),
  daily: [
    { day: '2026-11-23', active: rate(10, 40), newPeople: 1 },
    { day: '2026-11-24', active: rate(15, 40), newPeople: 0 },
  ],
  topPlugins: [{ pluginId: 'techdocs', events: 321 }],
  source: 'portal events through the Analytics API',
};

function render(scores: number[], improvements?: string[]) {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith('/usage')) {
      return new Response(JSON.stringify(usage));
    }
    return new Response(
      JSON.stringify({
        quarter: url.searchParams.get('quarter') ?? '2026-Q4',
        satisfaction: satisfaction(scores),
        improvements,
        source: 'the quarterly survey in the portal',
      }),
    );
  });
  renderInTestApp(
    <PeopleSection
      range={{ quarter: '2026-Q4' }}
      owner="group:default/checkout"
    />,
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
  return fetch;
}

describe('PeopleSection', () => {
  // recharts' ResponsiveContainer measures itself with ResizeObserver, which jsdom lacks.
  beforeAll(() => {
    (globalThis as any).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  it('shows portal use against the eligible people, and hides a survey with too few answers', async () => {
    const fetch = render([9, 10]);
    expect(await screen.findByText('50 %')).toBeInTheDocument(); // WAU
    expect(
      screen.getByText(
        /12.5 of 40 people \(User entities in the catalog\) on an average day/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/30 of 40 people .* in the 28 days to 2026-11-24/),
    ).toBeInTheDocument();
    expect(screen.getByText('techdocs')).toBeInTheDocument();
    expect(
      screen.getAllByText(/Source: portal events through the Analytics API/),
    ).toHaveLength(3);
    expect(
      await screen.findByText(/Hidden: fewer than 5 answers \(2 so far\)/),
    ).toBeInTheDocument();
    const urls = fetch.mock.calls.map(([u]) => String(u));
    expect(urls).toContainEqual(
      expect.stringContaining('/usage?quarter=2026-Q4'),
    );
    expect(urls).toContainEqual(
      expect.stringContaining(
        '/survey/results?quarter=2026-Q4&owner=group%3Adefault%2Fcheckout',
      ),
    );
  });

  it('shows the mean, the NPS-style score and the one thing people asked for', async () => {
    render([10, 9, 8, 6, 10], ['Faster builds']);
    expect(await screen.findByText('8.6 / 10')).toBeInTheDocument();
    expect(screen.getByText('NPS-style +40')).toBeInTheDocument();
    expect(screen.getByText('Faster builds')).toBeInTheDocument();
    expect(screen.queryByText(/Hidden/)).not.toBeInTheDocument();
  });
});
