// The golden-path runs of a period: the scaffolder's completed tasks of recommended templates, and
// (for services made before this portal kept task records) services stamped `paved.dev/created-at`
// by the golden path. Each with the service's first production deploy, for time to production.
import { GoldenPathRun } from '@internal/plugin-adoption-metrics-common';
import { AdoptionSettings } from '../settings';
import { AdoptionStore } from '../store/AdoptionStore';
import { entityName, Scope } from './scope';

export async function goldenPathRuns(
  store: AdoptionStore,
  settings: AdoptionSettings,
  scope: Scope,
  period: { from: string; to: string; component?: string },
): Promise<(GoldenPathRun & { component: string })[]> {
  const recommended = new Set(
    settings.recommendedTemplates.map(t => t.toLowerCase()),
  );
  const fromTasks = (await store.templateRuns.runs(period))
    .filter(
      r =>
        recommended.has(r.templateRef) &&
        r.status === 'completed' &&
        r.component &&
        scope.inScope(scope.ownerOf(r.component)),
    )
    .map(r => ({ component: r.component!, taskCreatedAt: r.createdAt }));
  const seen = new Set(fromTasks.map(r => r.component));
  const fromCatalog = scope.services
    .filter(
      s =>
        s.createdAt &&
        s.createdAt >= period.from &&
        s.createdAt < period.to &&
        recommended.has(s.sourceTemplate ?? '') &&
        !seen.has(entityName(s.entityRef)),
    )
    .map(s => ({
      component: entityName(s.entityRef),
      taskCreatedAt: s.createdAt!,
    }));
  const runs = [...fromTasks, ...fromCatalog];
  const first = await store.firstDeploys({
    environment: settings.productionEnvironment,
    components: runs.map(r => r.component),
  });
  return runs.map(r => {
    const at = first.get(r.component);
    return {
      ...r,
      firstProductionDeployAt: at && at >= r.taskCreatedAt ? at : undefined,
    };
  });
}
