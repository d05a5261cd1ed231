// An Analytics API implementation that sends the portal's events to the adoption-metrics backend
// (POST /events), for portal DAU and "what is used". Events are batched: sent every 30 s, at 25
// events, and when the page is hidden or left (keepalive, so the request outlives the page).
// The request goes through the fetchApi, so the backend learns who it is from the Backstage token;
// nothing here says who the person is.
import {
  AnalyticsEvent,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type { AnalyticsImplementation } from '@backstage/plugin-app-react';

export interface AdoptionAnalyticsOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  flushIntervalMs?: number;
  maxBatch?: number;
  /** Where to listen for pagehide and visibilitychange; the browser window by default. */
  page?: Pick<Window, 'addEventListener'> & {
    document?: Pick<Document, 'visibilityState'>;
  };
}

/** An event as the backend takes it: no value, attributes or other context. */
export interface SentEvent {
  action: string;
  subject: string;
  context: { pluginId: string; extensionId?: string; routeRef?: string };
}

const MAX_PER_REQUEST = 100; // the backend's limit
const cut = (text: unknown, max: number) => String(text ?? '').slice(0, max);

export function toSentEvent(event: AnalyticsEvent): SentEvent {
  const { pluginId, extensionId, routeRef } = event.context;
  return {
    action: cut(event.action, 100) || 'unknown',
    subject: cut(event.subject, 500),
    context: {
      pluginId: cut(pluginId, 100) || 'unknown',
      ...(extensionId ? { extensionId: cut(extensionId, 200) } : {}),
      ...(routeRef ? { routeRef: cut(routeRef, 200) } : {}),
    },
  };
}

export class AdoptionAnalytics implements AnalyticsImplementation {
  private queue: SentEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private baseUrl?: string;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;

  constructor(private readonly options: AdoptionAnalyticsOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 30_000;
    this.maxBatch = options.maxBatch ?? 25;
    const page =
      options.page ?? (typeof window !== 'undefined' ? window : undefined);
    page?.addEventListener('pagehide', () => this.flush({ keepalive: true }));
    page?.addEventListener('visibilitychange', () => {
      if (page.document?.visibilityState === 'hidden') {
        this.flush({ keepalive: true });
      }
    });
    // Known before the page is left: a keepalive request can't wait for discovery.
    options.discoveryApi.getBaseUrl('adoption-metrics').then(
      url => {
        this.baseUrl = url;
      },
      () => {},
    );
  }

  captureEvent(event: AnalyticsEvent): void {
    this.queue.push(toSentEvent(event));
    if (this.queue.length >= this.maxBatch) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.flushIntervalMs);
    }
  }

  /** Sends what is queued. Never throws: a batch that can't be sent is dropped. */
  async flush(init: { keepalive?: boolean } = {}): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const sends: Promise<void>[] = [];
    while (this.queue.length > 0) {
      sends.push(this.send(this.queue.splice(0, MAX_PER_REQUEST), init));
    }
    await Promise.all(sends);
  }

  private async send(events: SentEvent[], init: { keepalive?: boolean }) {
    try {
      this.baseUrl ??= await this.options.discoveryApi.getBaseUrl(
        'adoption-metrics',
      );
      await this.options.fetchApi.fetch(`${this.baseUrl}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ events }),
        keepalive: init.keepalive,
      });
    } catch {
      // Analytics must never disturb the portal; losing a batch only undercounts.
    }
  }
}
