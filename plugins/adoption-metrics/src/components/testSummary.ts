// An Adoption summary as the backend sends it, built from the common math on a few deploys, for
// the page's and the cards' tests.
import { doraMetrics, rate } from '@internal/plugin-adoption-metrics-common';
import { AdoptionSummary } from '../AdoptionClient';

const window = {
  from: '2026-10-26T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  previousFrom: '2026-09-28T00:00:00.000Z',
  timeZone: 'UTC',
  days: 28,
  label: 'last 28 days',
};

export const testDora = doraMetrics(
  [
    {
      at: '2026-11-10T10:00:00Z',
      revision: 'a',
      outcome: 'succeeded',
      commitTimes: ['2026-11-10T08:00:00Z'],
    },
    { at: '2026-11-11T10:00:00Z', revision: 'b', outcome: 'failed' },
    { at: '2026-11-11T11:00:00Z', revision: 'b', outcome: 'succeeded' },
  ],
  window,
);

const ttp = {
  runs: 2,
  reachedProduction: 2,
  medianHours: 30,
  p90Hours: 48,
  hoursSaved: 72,
};

export function testSummary(owner?: string): AdoptionSummary {
  return {
    window,
    goldenPathAdoption: {
      ...(owner ? rate(1, 2) : rate(3, 4)),
      previous: rate(1, 4),
      source: 'catalog snapshot of 2026-11-23',
      recommendedTemplates: ['template:default/new-microservice'],
    },
    selfService: {
      ...rate(2, 3),
      previous: rate(1, 3),
      source: 'Crossplane claims created in the period',
    },
    timeToProduction: {
      ...ttp,
      previous: { ...ttp, medianHours: 40 },
      hourlyRate: 150,
      currency: 'USD',
      source: 'golden-path runs to the first production deploy',
    },
    dora: {
      ...testDora,
      previous: testDora,
      source: 'Argo CD history of production Applications',
    },
    series: {
      bucketing: 'day',
      points: [
        {
          bucket: '2026-11-10',
          deploys: 1,
          failedDeploys: 0,
          goldenPathRuns: 1,
          claims: 1,
        },
      ],
    },
    teams: [
      {
        owner: 'group:default/checkout',
        title: 'Checkout',
        services: 2,
        goldenPathAdoption: rate(1, 2),
        selfService: rate(1, 2),
        dora: testDora,
      },
      {
        owner: 'group:default/payments',
        title: 'Payments',
        services: 2,
        goldenPathAdoption: rate(2, 2),
        selfService: rate(1, 1),
        dora: testDora,
      },
    ],
    services: owner
      ? [
          {
            entityRef: 'component:default/ledger',
            owner,
            sourceTemplate: 'template:default/new-microservice',
            goldenPath: true,
            deploys: 3,
            failedDeploys: 1,
            createdAt: '2026-11-02T09:00:00.000Z',
            firstProductionDeployAt: '2026-11-03T15:00:00.000Z',
          },
        ]
      : undefined,
    sources: [
      {
        collector: 'argocd-history',
        lastAttemptAt: '2026-11-23T10:00:00Z',
        lastSuccessAt: '2026-11-20T10:00:00Z',
        lastError: 'Cannot reach cluster prod-eu',
      },
    ],
  };
}
