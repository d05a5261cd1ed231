// Reads the adoption-metrics backend.
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Band,
  DoraMetrics,
  LiveApplication,
  Rate,
} from '@internal/plugin-adoption-metrics-common';
import {
  SurveyReply,
  SurveyResults,
  SurveyStatus,
  UsageReport,
} from './peopleTypes';

export interface SourceStatus {
  collector: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  lastError?: string;
}

/** The period asked about: the last N days, a quarter (`2026-Q4`) or local days from/to. */
export type Range =
  | { days: number }
  | { quarter: string }
  | { from: string; to: string };

export interface TeamRow {
  owner: string;
  title: string;
  services: number;
  goldenPathAdoption: Rate;
  selfService: Rate;
  dora: DoraMetrics;
}

export interface ServiceRow {
  entityRef: string;
  owner?: string;
  sourceTemplate?: string;
  goldenPath: boolean;
  deploys: number;
  failedDeploys: number;
  createdAt?: string;
  firstProductionDeployAt?: string;
}

export interface TimeToProduction {
  runs: number;
  reachedProduction: number;
  medianHours?: number;
  p90Hours?: number;
  hoursSaved?: number;
}

export interface AdoptionSummary {
  window: {
    from: string;
    to: string;
    previousFrom: string;
    timeZone: string;
    days: number;
    label: string;
  };
  goldenPathAdoption: Rate & {
    previous: Rate;
    source: string;
    recommendedTemplates: string[];
  };
  selfService: Rate & { previous: Rate; source: string };
  timeToProduction: TimeToProduction & {
    previous: TimeToProduction;
    hourlyRate: number;
    currency: string;
    source: string;
  };
  dora: DoraMetrics & { previous: DoraMetrics; source: string };
  series: {
    bucketing: 'day' | 'week';
    points: {
      bucket: string;
      deploys: number;
      failedDeploys: number;
      goldenPathRuns: number;
      claims: number;
    }[];
  };
  teams: TeamRow[];
  services?: ServiceRow[];
  sources: SourceStatus[];
}

export type { Band };

export interface ComponentDelivery {
  window: { from: string; to: string; timeZone: string };
  deploys: { at: string; revision: string; outcome: 'succeeded' | 'failed' }[];
  dora: DoraMetrics;
  origin?: {
    createdAt: string;
    firstProductionDeployAt?: string;
    timeToProductionHours?: number;
  };
  source: string;
}

const viewerTimeZone = () =>
  new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Query parameters of a range. */
export function rangeParams(range: Range): Record<string, string> {
  if ('days' in range) return { days: String(range.days) };
  if ('quarter' in range) return { quarter: range.quarter };
  return { from: range.from, to: range.to };
}

export class AdoptionClient {
  constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  /** The service's Argo CD Applications in every environment, live from the clusters. */
  async applications(
    entityRef: string,
  ): Promise<{ items: LiveApplication[]; errors: string[]; clusters: number }> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const res = await this.fetchApi.fetch(
      `${base}/applications?${new URLSearchParams({ entityRef })}`,
    );
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }

  async component(entityRef: string, days: number): Promise<ComponentDelivery> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const query = new URLSearchParams({
      entityRef,
      days: String(days),
      timeZone: viewerTimeZone(),
    });
    const res = await this.fetchApi.fetch(`${base}/component?${query}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }

  async summary(options: {
    range: Range;
    owner?: string;
  }): Promise<AdoptionSummary> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const query = new URLSearchParams({
      ...rangeParams(options.range),
      timeZone: viewerTimeZone(),
      ...(options.owner ? { owner: options.owner } : {}),
    });
    const res = await this.fetchApi.fetch(`${base}/summary?${query}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }

  // Portal use and the quarterly survey (src/peopleTypes.ts).
  async usage(options: {
    range: Range;
    owner?: string;
    timeZone?: string;
  }): Promise<UsageReport> {
    return this.getJson('usage', {
      ...rangeParams(options.range),
      timeZone: options.timeZone ?? viewerTimeZone(),
      ...(options.owner ? { owner: options.owner } : {}),
    });
  }

  async surveyStatus(): Promise<SurveyStatus> {
    return this.getJson('survey/status', {});
  }

  async answerSurvey(reply: SurveyReply): Promise<void> {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const res = await this.fetchApi.fetch(`${base}/survey`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(reply),
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
  }

  async surveyResults(options: {
    quarter?: string;
    owner?: string;
  }): Promise<SurveyResults> {
    return this.getJson('survey/results', {
      ...(options.quarter ? { quarter: options.quarter } : {}),
      ...(options.owner ? { owner: options.owner } : {}),
    });
  }

  private async getJson(path: string, params: Record<string, string>) {
    const base = await this.discoveryApi.getBaseUrl('adoption-metrics');
    const query = new URLSearchParams(params).toString();
    const res = await this.fetchApi.fetch(
      `${base}/${path}${query ? `?${query}` : ''}`,
    );
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }
}
