// The numbers the Adoption page shows for a window: golden-path adoption now and in the previous
// period, DORA of production deploys, per team; each with its source and the sources' freshness.
import {
  CatalogComponent,
  doraMetrics,
  goldenPathAdoption,
} from '@internal/plugin-adoption-metrics-common';
import { AdoptionStore, SnapshotRow } from './store/AdoptionStore';
import { AdoptionSettings } from './settings';

export interface SummaryRequest {
  days: number;
  timeZone: string;
  owner?: string;
  now?: Date;
}

const DAY_MS = 86_400_000;
const services = (rows: SnapshotRow[], owner?: string) =>
  rows.filter(r => r.type === 'service' && (!owner || r.owner === owner));
const asComponents = (rows: SnapshotRow[]): CatalogComponent[] =>
  rows.map(r => ({
    kind: 'Component',
    metadata: {
      annotations: r.sourceTemplate
        ? ({ 'backstage.io/source-template': r.sourceTemplate } as Record<
            string,
            string
          >)
        : {},
    },
    spec: { type: r.type },
  }));
const entityName = (ref: string) => ref.split('/').pop()!;

export async function adoptionSummary(
  store: AdoptionStore,
  settings: AdoptionSettings,
  request: SummaryRequest,
) {
  const now = request.now ?? new Date();
  const to = now.toISOString();
  const from = new Date(now.getTime() - request.days * DAY_MS).toISOString();
  const previousFrom = new Date(
    now.getTime() - 2 * request.days * DAY_MS,
  ).toISOString();

  const current = await store.snapshot(to.slice(0, 10));
  const previous = await store.snapshot(from.slice(0, 10));
  const adoption = (rows: SnapshotRow[]) =>
    goldenPathAdoption(asComponents(rows), settings.recommendedTemplates);

  const teamServices = services(current.rows, request.owner);
  const deploys = await store.deploys({
    environment: settings.productionEnvironment,
    components: request.owner
      ? teamServices.map(s => entityName(s.entityRef))
      : undefined,
    from: previousFrom,
    to,
  });
  const window = { from, to, timeZone: request.timeZone };
  const owners = [
    ...new Set(services(current.rows).map(r => r.owner ?? 'unowned')),
  ].sort();

  return {
    window,
    goldenPathAdoption: {
      ...adoption(teamServices),
      previous: adoption(services(previous.rows, request.owner)),
      source: current.day
        ? `catalog snapshot of ${current.day}`
        : 'no catalog snapshot yet',
      recommendedTemplates: settings.recommendedTemplates,
    },
    dora: {
      ...doraMetrics(deploys, window),
      previous: doraMetrics(deploys, {
        ...window,
        from: previousFrom,
        to: from,
      }),
      source: `Argo CD history of ${settings.productionEnvironment} Applications`,
    },
    teams: owners.map(owner => {
      const rows = services(
        current.rows,
        owner === 'unowned' ? undefined : owner,
      );
      return {
        owner,
        services: rows.length,
        goldenPathAdoption: adoption(rows),
      };
    }),
    sources: await store.collectorStatus(),
  };
}

/** DORA of one service's production deploys (the entity card). */
export async function componentDelivery(
  store: AdoptionStore,
  settings: AdoptionSettings,
  request: { entityRef: string; days: number; timeZone: string; now?: Date },
) {
  const now = request.now ?? new Date();
  const window = {
    from: new Date(now.getTime() - request.days * DAY_MS).toISOString(),
    to: now.toISOString(),
    timeZone: request.timeZone,
  };
  const deploys = await store.deploys({
    environment: settings.productionEnvironment,
    components: [entityName(request.entityRef)],
    from: window.from,
    to: window.to,
  });
  return {
    window,
    deploys: deploys.map(d => ({
      at: d.at,
      revision: d.revision,
      outcome: d.outcome,
    })),
    dora: doraMetrics(deploys, window),
    source: `Argo CD history of ${
      settings.productionEnvironment
    } Applications labelled backstage.io/kubernetes-id=${entityName(
      request.entityRef,
    )}`,
  };
}
