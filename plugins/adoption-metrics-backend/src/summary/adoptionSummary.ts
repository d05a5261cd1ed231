// The numbers of the Adoption page for a period and (optionally) a team with its sub-teams: each
// metric now and in the previous period, with its source; counts over time; a per-team table; and,
// for a team, its services (the drill-down).
import {
  doraMetrics,
  goldenPathAdoption,
  SCAFFOLDER_TASK_ANNOTATION,
  selfServiceRate,
  timeToProduction,
} from '@internal/plugin-adoption-metrics-common';
import { AdoptionSettings } from '../settings';
import { AdoptionStore, SnapshotRow } from '../store/AdoptionStore';
import { ClaimRow } from '../store/ClaimStore';
import { goldenPathRuns } from './goldenPathRuns';
import { entityName, scopeOf } from './scope';
import { countSeries } from './series';
import { RangeRequest, resolveWindow } from './window';

export interface SummaryRequest extends RangeRequest {
  owner?: string;
}

const asCatalog = (rows: SnapshotRow[]) =>
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
const asInfrastructure = (claims: ClaimRow[]) =>
  claims.map(c => ({
    metadata: {
      annotations: c.taskId
        ? ({ [SCAFFOLDER_TASK_ANNOTATION]: c.taskId } as Record<string, string>)
        : {},
    },
  }));
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
const between = (at: string, from: string, to: string) => at >= from && at < to;

export async function adoptionSummary(
  store: AdoptionStore,
  settings: AdoptionSettings,
  request: SummaryRequest,
) {
  const window = resolveWindow(request);
  const { from, to, previousFrom } = window;
  const groups = await store.groups.all();
  const current = await store.snapshot(to.slice(0, 10));
  const previous = await store.snapshot(from.slice(0, 10));
  const scope = scopeOf(current.rows, groups, request.owner);
  const previousScope = scopeOf(previous.rows, groups, request.owner);
  const adoption = (rows: SnapshotRow[]) =>
    goldenPathAdoption(asCatalog(rows), settings.recommendedTemplates);

  const deploys = await store.deploys({
    environment: settings.productionEnvironment,
    components: scope.owners
      ? scope.services.map(s => entityName(s.entityRef))
      : undefined,
    from: previousFrom,
    to,
  });
  const claims = (await store.claims.claims({ from: previousFrom, to })).filter(
    c => scope.inScope(c.owner ?? scope.ownerOf(c.component)),
  );
  const claimsBetween = (a: string, b: string) =>
    claims.filter(c => between(c.createdAt, a, b));
  const runs = await goldenPathRuns(store, settings, scope, {
    from: previousFrom,
    to,
  });
  const runsBetween = (a: string, b: string) =>
    runs.filter(r => between(r.taskCreatedAt, a, b));
  const ttp = (a: string, b: string) =>
    timeToProduction(runsBetween(a, b), {
      hoursSavedPerRun: settings.hoursSavedPerRun,
    });
  const doraWindow = { from, to, timeZone: window.timeZone };
  const inWindow = deploys.filter(d => between(d.at, from, to));

  // Grouped once: the per-team table and the drill-down read from these maps.
  const ownerKey = (owner?: string) => owner ?? 'unowned';
  const servicesByOwner = groupBy(scope.services, s => ownerKey(s.owner));
  const deploysByOwner = groupBy(inWindow, d =>
    ownerKey(scope.ownerOf(d.component)),
  );
  const deploysByComponent = groupBy(inWindow, d => d.component ?? '');
  const claimsByOwner = groupBy(claimsBetween(from, to), c =>
    ownerKey(c.owner ?? scope.ownerOf(c.component)),
  );
  const runsByComponent = new Map(runs.map(r => [r.component, r]));
  const owners = [
    ...new Set(scope.services.map(s => s.owner ?? 'unowned')),
  ].sort();
  return {
    window,
    goldenPathAdoption: {
      ...adoption(scope.services),
      previous: adoption(previousScope.services),
      source: current.day
        ? `catalog snapshot of ${current.day}`
        : 'no catalog snapshot yet',
      recommendedTemplates: settings.recommendedTemplates,
    },
    selfService: {
      ...selfServiceRate(asInfrastructure(claimsBetween(from, to))),
      previous: selfServiceRate(
        asInfrastructure(claimsBetween(previousFrom, from)),
      ),
      source:
        'Crossplane claims created in the period, in the configured clusters',
    },
    timeToProduction: {
      ...ttp(from, to),
      previous: ttp(previousFrom, from),
      hourlyRate: settings.hourlyRate,
      currency: settings.currency,
      source: `golden-path runs (scaffolder tasks, or paved.dev/created-at) to the first ${settings.productionEnvironment} deploy`,
    },
    dora: {
      ...doraMetrics(deploys, doraWindow, settings.bands),
      previous: doraMetrics(
        deploys,
        { ...doraWindow, from: previousFrom, to: from },
        settings.bands,
      ),
      source: `Argo CD history of ${settings.productionEnvironment} Applications`,
    },
    series: countSeries(window, {
      deploys: inWindow.filter(d => d.outcome === 'succeeded').map(d => d.at),
      failedDeploys: inWindow
        .filter(d => d.outcome === 'failed')
        .map(d => d.at),
      goldenPathRuns: runsBetween(from, to).map(r => r.taskCreatedAt),
      claims: claimsBetween(from, to).map(c => c.createdAt),
    }),
    teams: owners.map(owner => {
      const rows = servicesByOwner.get(owner) ?? [];
      return {
        owner,
        title: scope.title(owner),
        services: rows.length,
        goldenPathAdoption: adoption(rows),
        selfService: selfServiceRate(
          asInfrastructure(claimsByOwner.get(owner) ?? []),
        ),
        dora: doraMetrics(
          deploysByOwner.get(owner) ?? [],
          doraWindow,
          settings.bands,
        ),
      };
    }),
    services: request.owner
      ? scope.services.map(s => {
          const name = entityName(s.entityRef);
          const own = deploysByComponent.get(name) ?? [];
          const run = runsByComponent.get(name);
          return {
            entityRef: s.entityRef,
            owner: s.owner,
            sourceTemplate: s.sourceTemplate,
            goldenPath: settings.recommendedTemplates.includes(
              s.sourceTemplate ?? '',
            ),
            deploys: own.filter(d => d.outcome === 'succeeded').length,
            failedDeploys: own.filter(d => d.outcome === 'failed').length,
            createdAt: run?.taskCreatedAt ?? s.createdAt,
            firstProductionDeployAt: run?.firstProductionDeployAt,
          };
        })
      : undefined,
    sources: await store.collectorStatus(),
  };
}
