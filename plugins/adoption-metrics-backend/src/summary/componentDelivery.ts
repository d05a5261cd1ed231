// One service's delivery (the entity card): its production deploys for a timeline, its DORA four,
// and, when the golden path made it, how long it took from Create to the first production deploy.
import { doraMetrics, HOUR_MS } from '@internal/plugin-adoption-metrics-common';
import { AdoptionSettings } from '../settings';
import { AdoptionStore } from '../store/AdoptionStore';
import { goldenPathRuns } from './goldenPathRuns';
import { entityName, scopeOf } from './scope';
import { RangeRequest, resolveWindow } from './window';

export async function componentDelivery(
  store: AdoptionStore,
  settings: AdoptionSettings,
  request: RangeRequest & { entityRef: string },
) {
  const window = resolveWindow(request);
  const name = entityName(request.entityRef);
  const deploys = await store.deploys({
    environment: settings.productionEnvironment,
    components: [name],
    from: window.from,
    to: window.to,
  });
  const snapshot = await store.snapshot(window.to.slice(0, 10));
  const scope = scopeOf(
    snapshot.rows.filter(
      r => r.entityRef.toLowerCase() === request.entityRef.toLowerCase(),
    ),
    [],
  );
  const [run] = await goldenPathRuns(store, settings, scope, {
    from: '0000',
    to: window.to,
    component: name,
  });
  return {
    window,
    deploys: deploys.map(d => ({
      at: d.at,
      revision: d.revision,
      outcome: d.outcome,
    })),
    dora: doraMetrics(deploys, { ...window }, settings.bands),
    origin: run
      ? {
          createdAt: run.taskCreatedAt,
          firstProductionDeployAt: run.firstProductionDeployAt,
          timeToProductionHours: run.firstProductionDeployAt
            ? (Date.parse(run.firstProductionDeployAt) -
                Date.parse(run.taskCreatedAt)) /
              HOUR_MS
            : undefined,
        }
      : undefined,
    source: `Argo CD history of ${settings.productionEnvironment} Applications labelled backstage.io/kubernetes-id=${name}`,
  };
}
