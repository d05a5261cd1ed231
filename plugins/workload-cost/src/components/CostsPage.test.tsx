import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { CostsPage, costsCsv, recentMonths } from './CostsPage';
import { teamCosts } from './testCosts';

jest.setTimeout(20_000);

describe('CostsPage', () => {
  it('lists teams with unallocated and idle apart, and downloads the CSV', async () => {
    const fetch = jest.fn(async () => new Response(JSON.stringify(teamCosts)));
    renderInTestApp(<CostsPage />, {
      apis: [
        [
          coreApis.discovery,
          { getBaseUrl: async () => 'http://localhost:7007/api/workload-cost' },
        ],
        [coreApis.fetch, { fetch }],
      ] as const,
    });
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    expect(screen.getByText('unallocated (no component)')).toBeInTheDocument();
    expect(screen.getByText('idle capacity (not spread)')).toBeInTheDocument();
    expect(screen.getByText('$192.00')).toBeInTheDocument(); // checkout: 100 + 30 + 2 + 60
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    }) as any;
    URL.revokeObjectURL = jest.fn();
    fireEvent.click(screen.getByText('Download CSV'));
    const lines = (await blobs[0].text()).split('\r\n');
    expect(lines[0]).toBe(
      'team,services,cpu,memory,storage,gpu,databases,other,total,complete',
    );
    expect(lines[1]).toBe('group:default/checkout,4,100,30,2,0,60,0,192,true');
    // Four rows and the empty string after the last CRLF.
    expect(lines).toHaveLength(6);
  });

  it('offers this month and the five before, and neutralises and quotes team names in the CSV', () => {
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'))).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
      '2025-10',
      '2025-09',
    ]);
    expect(costsCsv([])).toBe(
      'team,services,cpu,memory,storage,gpu,databases,other,total,complete\r\n',
    );
    const row = {
      ...teamCosts.teams[0],
      owner: null,
      cpu: 1.005,
      other: -0.5,
      services: 1,
    };
    const csv = costsCsv([
      { ...row, name: '=HYPERLINK("http://evil.example","open")' },
      { ...row, name: 'payments, refunds' },
    ]).split('\r\n');
    expect(csv[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil\.example"",""open""\)",1,1,/,
    );
    expect(csv[2]).toMatch(/^"payments, refunds",1,/);
    // A negative amount is a number to sum, not a formula.
    expect(csv[2].split(',')).toContain('-0.5');
  });
});
