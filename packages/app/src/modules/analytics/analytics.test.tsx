// The app's analytics API hands every event to the adoption-metrics implementation, which posts
// them to the backend in batches.
import { useEffect } from 'react';
import { waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis, useAnalytics } from '@backstage/frontend-plugin-api';
import { analyticsModule } from '.';

const Clicks = ({ count }: { count: number }) => {
  const analytics = useAnalytics();
  useEffect(() => {
    for (let i = 0; i < count; i++)
      analytics.captureEvent('click', `link ${i}`);
  }, [analytics, count]);
  return null;
};

describe('analyticsModule', () => {
  it('sends the portal events to the adoption-metrics backend', async () => {
    const fetch = jest.fn(async () => new Response(null, { status: 202 }));
    renderInTestApp(<Clicks count={25} />, {
      features: [analyticsModule],
      apis: [
        [
          coreApis.discovery,
          { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
        ],
        [coreApis.fetch, { fetch }],
      ] as const,
    });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://backend/api/adoption-metrics/events');
    const { events } = JSON.parse(String(init.body));
    expect(events).toHaveLength(25);
    // Page views (the app's route tracker) and the clicks.
    expect(events[0]).toMatchObject({ action: 'navigate', subject: '/' });
    expect(events[1]).toMatchObject({
      action: 'click',
      subject: 'link 0',
      context: { pluginId: expect.any(String) },
    });
  });
});
