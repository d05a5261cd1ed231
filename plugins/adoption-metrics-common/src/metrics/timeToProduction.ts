// Template time to production: from the scaffolder task's creation to the first successful
// production deploy of the new service's Argo CD application.
import { HOUR_MS, median, percentile } from '../stats';

export interface GoldenPathRun {
  taskCreatedAt: string;
  /** First successful production deploy; undefined while the service has not reached production. */
  firstProductionDeployAt?: string;
}

export function timeToProduction(
  runs: GoldenPathRun[],
  options: { hoursSavedPerRun?: number } = {},
) {
  const hours = runs
    .filter(r => r.firstProductionDeployAt)
    .map(
      r =>
        (Date.parse(r.firstProductionDeployAt!) - Date.parse(r.taskCreatedAt)) /
        HOUR_MS,
    );
  return {
    runs: runs.length,
    reachedProduction: hours.length,
    medianHours: median(hours),
    p90Hours: percentile(hours, 90),
    /** What the runs saved, from the template's `backstage.io/time-saved` (or config). */
    hoursSaved:
      options.hoursSavedPerRun === undefined
        ? undefined
        : runs.length * options.hoursSavedPerRun,
  };
}
