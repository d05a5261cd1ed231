import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AdoptionPage } from './AdoptionPage';
import { testSummary } from './testSummary';

// Portal use and the survey have their own tests (PeopleSection.test.tsx) and requests.
jest.mock('./PeopleSection', () => ({ PeopleSection: () => null }));

jest.setTimeout(30_000);

const group = (name: string, title: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'team', children: [] },
});

function render(path = '/adoption') {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const owner = new URL(String(input)).searchParams.get('owner') ?? undefined;
    return new Response(JSON.stringify(testSummary(owner)));
  });
  renderInTestApp(<AdoptionPage />, {
    apis: [
      [
        coreApis.discovery,
        {
          getBaseUrl: async () => 'http://localhost:7007/api/adoption-metrics',
        },
      ],
      [coreApis.fetch, { fetch }],
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            group('engineering', 'Engineering'),
            group('payments', 'Payments'),
            group('checkout', 'Checkout'),
          ],
        }),
      ],
    ] as const,
    mountPath: '/adoption',
    initialRouteEntries: [path],
  });
  const lastQuery = () =>
    new URL(String(fetch.mock.calls.at(-1)![0])).searchParams;
  return { fetch, lastQuery };
}

const pick = async (label: RegExp, option: string) => {
  fireEvent.mouseDown(screen.getAllByRole('button', { name: label })[0]);
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(option));
};

describe('AdoptionPage', () => {
  it('shows each number with what it is made of, its change, band and source', async () => {
    render();
    expect(await screen.findByText('75 %')).toBeInTheDocument();
    expect(
      screen.getByText(
        /3 of 4 services made from template:default\/new-microservice/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('+50 pts vs previous period')).toBeInTheDocument();
    expect(
      screen.getByText(/2 of 3 database claims made by the golden path/),
    ).toBeInTheDocument();
    // Time to production: median 30 h, 72 hours saved at 150 USD an hour.
    expect(screen.getByText('30.0 h')).toBeInTheDocument();
    expect(
      screen.getByText(/72 developer hours saved ≈ \$10,800/),
    ).toBeInTheDocument();
    expect(screen.getByText('−10.0 h vs previous period')).toBeInTheDocument();
    expect(
      screen.getByText(/1 of 3 deployments failed or were rolled back/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/\(dora-2023\)/).length).toBeGreaterThan(0);
    // A stale source says which, since when and why.
    expect(
      screen.getByText(/Cannot reach cluster prod-eu/),
    ).toBeInTheDocument();
    expect(screen.getByText(/stale since/)).toBeInTheDocument();
    // Teams in alphabetical order, not ranked.
    expect(
      screen.getByText('Teams (alphabetical: not a leaderboard)'),
    ).toBeInTheDocument();
  });

  it('changes the range: days, quarter, and a custom range of local days', async () => {
    const { lastQuery } = render();
    await screen.findByText('75 %');
    expect(lastQuery().get('days')).toBe('28');
    await pick(/^Range/, 'Last 90 days');
    await waitFor(() => expect(lastQuery().get('days')).toBe('90'));
    await pick(/^Range/, 'This quarter');
    await waitFor(() =>
      expect(lastQuery().get('quarter')).toMatch(/^\d{4}-Q[1-4]$/),
    );
    await pick(/^Range/, 'Custom range');
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-09-01' },
    });
    fireEvent.change(screen.getByLabelText('To (included)'), {
      target: { value: '2026-09-30' },
    });
    await waitFor(() => expect(lastQuery().get('from')).toBe('2026-09-01'));
    expect(lastQuery().get('to')).toBe('2026-09-30');
    expect(lastQuery().get('timeZone')).toBeTruthy();
  });

  it('filters to a team from the catalog (parents included) and drills down from the table', async () => {
    const { lastQuery } = render();
    await screen.findByText('75 %');
    await pick(/^Team/, 'Engineering');
    await waitFor(() =>
      expect(lastQuery().get('owner')).toBe('group:default/engineering'),
    );
    expect(await screen.findByText('50 %')).toBeInTheDocument();
    // The team's services, linked to their pages.
    expect(screen.getAllByText('Services').length).toBeGreaterThan(0);
    expect(screen.getByText('ledger')).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger',
    );
    fireEvent.click(screen.getByText('Back to all teams'));
    await screen.findByText('75 %');
    fireEvent.click(screen.getByRole('button', { name: 'Payments' }));
    await waitFor(() =>
      expect(lastQuery().get('owner')).toBe('group:default/payments'),
    );
  });

  it('downloads what the table shows as CSV', async () => {
    render('/adoption?range=90');
    await screen.findByText('75 %');
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    }) as any;
    URL.revokeObjectURL = jest.fn();
    fireEvent.click(screen.getByText('Download CSV'));
    const text = await blobs[0].text();
    // RFC 4180: CRLF after every line, the last included.
    expect(text.split('\r\n')).toEqual([
      'team,services,golden_path_services,adoption,self_service_claims,claims,self_service_rate,production_deploys,failed_deploys,change_failure_rate',
      'group:default/checkout,2,1,0.500,1,2,0.500,2,1,0.333',
      'group:default/payments,2,2,1.000,1,1,1.000,2,1,0.333',
      '',
    ]);
  });
});
