// Reads the adoption-metrics backend.
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Band,
  DoraMetrics,
  Rate,
} from '@internal/plugin-adoption-metrics-common';

export interface SourceStatus {
  collector: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  lastError?: string;
}

export interface AdoptionSummary {
  window: { from: string; to: string; timeZone: string };
  goldenPathAdoption: Rate & {
    previous: Rate;
    source: string;
    recommendedTemplates: string[];
  };
  dora: DoraMetrics & { previous: DoraMetrics; source: string };
  teams: { owner: string; services: number; goldenPathAdoption: Rate }[];
  sources: SourceStatus[];
}

export type { Band };

export interface ComponentDelivery {
  window: { from: string; to: string; timeZone: string };
  deploys: { at: string; revision: string; outcome: 'succeeded' | 'failed' }[];
  dora: DoraMetrics;
  source: string;
}

export class AdoptionClient {
  constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  async component(entityRef: string, days: number): Promise<ComponentDelivery> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const query = new URLSearchParams({
      entityRef,
      days: String(days),
      timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const res = await this.fetchApi.fetch(`${base}/component?${query}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }

  async summary(options: {
    days: number;
    owner?: string;
  }): Promise<AdoptionSummary> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const query = new URLSearchParams({
      days: String(options.days),
      timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
      ...(options.owner ? { owner: options.owner } : {}),
    });
    const res = await this.fetchApi.fetch(`${base}/summary?${query}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }
}
