import { AnalyticsEvent } from '@backstage/frontend-plugin-api';
import { AdoptionAnalytics } from './AdoptionAnalytics';

const event = (
  n: number,
  extra: Partial<AnalyticsEvent> = {},
): AnalyticsEvent => ({
  action: 'navigate',
  subject: `/catalog/${n}`,
  context: {
    pluginId: 'catalog',
    extensionId: 'page:catalog',
    routeRef: 'catalog.root',
    entityRef: 'component:default/orders-api',
  },
  ...extra,
});

function setUp() {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(null, { status: 202 }),
  );
  const page = new EventTarget() as unknown as Window;
  const analytics = new AdoptionAnalytics({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/adoption-metrics',
    },
    fetchApi: { fetch: fetch as any },
    page,
  });
  const sent = (call = 0) =>
    JSON.parse(String(fetch.mock.calls[call][1]!.body)).events;
  return { fetch, page, analytics, sent };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('AdoptionAnalytics', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends a batch every 30 seconds to the backend, with only what it stores', async () => {
    const { fetch, analytics, sent } = setUp();
    for (let i = 0; i < 3; i++) analytics.captureEvent(event(i));
    await settle();
    expect(fetch).not.toHaveBeenCalled();

    jest.advanceTimersByTime(30_000);
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/adoption-metrics/events',
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      keepalive: undefined,
    });
    expect(sent()).toEqual(
      [0, 1, 2].map(i => ({
        action: 'navigate',
        subject: `/catalog/${i}`,
        context: {
          pluginId: 'catalog',
          extensionId: 'page:catalog',
          routeRef: 'catalog.root',
        },
      })),
    );

    // Nothing queued, nothing sent.
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends at once at 25 events', async () => {
    const { fetch, analytics, sent } = setUp();
    for (let i = 0; i < 25; i++) analytics.captureEvent(event(i));
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(25);
  });

  it('sends what is left with keepalive when the page is left', async () => {
    const { fetch, page, analytics, sent } = setUp();
    await settle(); // the base URL is known
    analytics.captureEvent(event(1, { subject: 'x'.repeat(900) }));
    page.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][1]).toMatchObject({ keepalive: true });
    expect(sent()[0].subject).toHaveLength(500);
  });

  it('drops a batch the backend refuses, without throwing', async () => {
    const { fetch, analytics } = setUp();
    fetch.mockRejectedValueOnce(new Error('offline'));
    analytics.captureEvent(event(1));
    await expect(analytics.flush()).resolves.toBeUndefined();
    analytics.captureEvent(event(2));
    await analytics.flush();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
