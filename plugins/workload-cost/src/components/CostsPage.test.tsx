import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { CostsPage, costsCsv, recentMonths } from './CostsPage';
import { teamCosts } from './testCosts';

jest.setTimeout(20_000);

describe('CostsPage', () => {
  it('lists teams with unallocated and idle apart, and downloads the CSV', async () => {
    const fetch = jest.fn(async () => new Response(JSON.stringify(teamCosts)));
    renderInTestApp(<CostsPage />, {
      apis: [
        [
          discoveryApiRef,
          { getBaseUrl: async () => 'http://localhost:7007/api/workload-cost' },
        ],
        [fetchApiRef, { fetch }],
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
    const lines = (await blobs[0].text()).split('\n');
    expect(lines[0]).toBe(
      'team,services,cpu,memory,storage,gpu,databases,other,total,complete',
    );
    expect(lines[1]).toBe(
      'group:default/checkout,4,100.00,30.00,2.00,0.00,60.00,0.00,192.00,true',
    );
    expect(lines).toHaveLength(5);
  });

  it('offers this month and the five before, and quotes CSV cells that need it', () => {
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'))).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
      '2025-10',
      '2025-09',
    ]);
    expect(costsCsv([])).toBe(
      'team,services,cpu,memory,storage,gpu,databases,other,total,complete',
    );
  });
});
