import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { DatabaseChoice, DatabasePrice } from './DatabasePriceField';

const prices: Record<string, number> = { small: 30.03, standard: 57.16 };

function apisAnsweringPrices() {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const q = new URL(String(input)).searchParams;
    const total =
      prices[q.get('tier')!] * (q.get('multiAZ') === 'true' ? 2 : 1);
    return new Response(
      JSON.stringify({
        currency: 'USD',
        total,
        lines: [`tier ${q.get('tier')}, ${q.get('storageGB')} GB`],
      }),
    );
  });
  const apis = [
    [
      coreApis.discovery,
      { getBaseUrl: async () => 'http://localhost:7007/api/workload-cost' },
    ],
    [coreApis.fetch, { fetch }],
  ] as const;
  return { fetch, apis };
}

/** The form around the field: buttons change the choice as the Create form's inputs would. */
const Form = (props: { initial: DatabaseChoice }) => {
  const [choice, setChoice] = useState(props.initial);
  return (
    <>
      <button
        onClick={() => setChoice({ ...choice, tier: 'small', storageGB: 20 })}
      >
        small
      </button>
      <button onClick={() => setChoice({ ...choice, multiAZ: true })}>
        standby
      </button>
      <DatabasePrice choice={choice} />
    </>
  );
};

describe('DatabasePrice', () => {
  it('shows the monthly price of the choice and follows it as it changes', async () => {
    const { fetch, apis } = apisAnsweringPrices();
    await renderInTestApp(
      <Form
        initial={{
          enabled: true,
          offering: 'postgresql',
          tier: 'standard',
          storageGB: 40,
        }}
      />,
      { apis },
    );
    expect(
      await screen.findByText('Monthly price: $57.16'),
    ).toBeInTheDocument();
    expect(screen.getByText('tier standard, 40 GB')).toBeInTheDocument();
    fireEvent.click(screen.getByText('small'));
    await waitFor(() =>
      expect(screen.getByText('Monthly price: $30.03')).toBeInTheDocument(),
    );
    fireEvent.click(screen.getByText('standby'));
    await waitFor(() =>
      expect(screen.getByText('Monthly price: $60.06')).toBeInTheDocument(),
    );
    expect(String(fetch.mock.calls.at(-1)![0])).toContain('multiAZ=true');
  });

  it('shows nothing while no database is chosen', async () => {
    const { fetch, apis } = apisAnsweringPrices();
    await renderInTestApp(<DatabasePrice choice={{ enabled: false }} />, {
      apis,
    });
    expect(screen.queryByText(/Monthly price/)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
