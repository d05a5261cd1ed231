// The four DORA metrics from Argo CD's record of a service's production deploys.
//
// Definitions (shown on the screen and in the README):
// - a deployment is a successful sync (a `status.history` entry) or a failed sync operation
//   (`operationState.phase` Failed or Error);
// - a deployment failed when its sync failed, or when the next successful sync rolled back to an
//   earlier revision (the rolled-back deployment counts as the failure);
// - lead time is deployedAt minus the commit time of each commit a deploy brought;
// - time to restore runs from a failure to the next successful deploy that is not itself rolled back.
import { Band, BandTable, bandFor, DORA_2023_BANDS } from '../bands';
import { Rate, rate } from '../rate';
import { DAY_MS, HOUR_MS, median } from '../stats';
import { localDay, weekOf } from '../time';

export interface DeployEvent {
  /** When the sync finished (UTC ISO). */
  at: string;
  revision: string;
  outcome: 'succeeded' | 'failed';
  /** Commit times (UTC ISO) of the commits the deploy brought, when the SCM told us. */
  commitTimes?: string[];
  /** `at` as epoch ms, when the caller has it already (saves parsing on large sets). */
  atMs?: number;
  /**
   * The service deployed. Rollbacks and restores are found within one service's deploys, so a
   * failure of one service is never "restored" by another's deploy.
   */
  component?: string;
}

export interface DoraWindow {
  from: string;
  to: string;
  timeZone: string;
}

export interface DoraMetrics {
  bandsVersion: string;
  deploymentFrequency: {
    deploys: number;
    perDay: number;
    /** Median over the window's weeks of days with a successful deploy. */
    medianDeployDaysPerWeek: number;
    band: Band | undefined;
  };
  leadTime: {
    medianHours: number | undefined;
    commits: number;
    band: Band | undefined;
  };
  changeFailureRate: Rate & { band: Band | undefined };
  timeToRestore: {
    medianHours: number | undefined;
    restores: number;
    band: Band | undefined;
  };
}

const ms = (iso: string) => Date.parse(iso);
const timeOf = (e: DeployEvent) => e.atMs ?? Date.parse(e.at);

/** Deploy events in time order, each marked failed when its sync failed or it was rolled back. */
export function classifyDeploys(events: DeployEvent[]) {
  // Parsed once: a dashboard sorts tens of thousands of deploys.
  const sorted = events
    .map(e => ({ e, t: timeOf(e) }))
    .sort((a, b) => a.t - b.t)
    .map(x => x.e);
  const failed = new Set<DeployEvent>(
    sorted.filter(e => e.outcome === 'failed'),
  );
  for (const own of byComponent(sorted)) {
    const successes = own.filter(e => e.outcome === 'succeeded');
    // Revisions live before the previous deploy, grown as we go (not re-scanned per deploy).
    const earlier = new Set<string>();
    successes.forEach((deploy, i) => {
      if (i < 2) return;
      earlier.add(successes[i - 2].revision);
      const previous = successes[i - 1];
      // Back to a revision that was live before the previous one: the previous one was bad.
      if (
        earlier.has(deploy.revision) &&
        previous.revision !== deploy.revision
      ) {
        failed.add(previous);
      }
    });
  }
  return { sorted, failed };
}

/** Events split by service, each list keeping the given (time) order. */
function byComponent(events: DeployEvent[]): DeployEvent[][] {
  const groups = new Map<string, DeployEvent[]>();
  for (const e of events) {
    const key = e.component ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  return [...groups.values()];
}

export function doraMetrics(
  events: DeployEvent[],
  window: DoraWindow,
  bands: BandTable = DORA_2023_BANDS,
): DoraMetrics {
  const [from, to] = [ms(window.from), ms(window.to)];
  const inWindow = events.filter(e => {
    const t = timeOf(e);
    return t >= from && t < to;
  });
  const { sorted, failed } = classifyDeploys(inWindow);
  const successes = sorted.filter(e => e.outcome === 'succeeded');

  const days = Math.max(
    1,
    Math.round((ms(window.to) - ms(window.from)) / DAY_MS),
  );
  const deployDaysByWeek = new Map<string, Set<string>>();
  for (let t = ms(window.from); t < ms(window.to); t += DAY_MS) {
    deployDaysByWeek.set(
      weekOf(localDay(new Date(t), window.timeZone)),
      new Set(),
    );
  }
  for (const deploy of successes) {
    const day = localDay(timeOf(deploy), window.timeZone);
    deployDaysByWeek.get(weekOf(day))?.add(day);
  }
  const medianDeployDays =
    median([...deployDaysByWeek.values()].map(set => set.size)) ?? 0;

  const leadTimes = successes.flatMap(d =>
    (d.commitTimes ?? []).map(c => (timeOf(d) - ms(c)) / HOUR_MS),
  );
  const leadTimeHours = median(leadTimes);

  const cfr = rate(failed.size, sorted.length);

  const restoreHours: number[] = [];
  for (const own of byComponent(sorted)) {
    own.forEach((deploy, i) => {
      if (!failed.has(deploy)) return;
      // Consecutive failures are one incident: measure from the first.
      if (i > 0 && failed.has(own[i - 1])) return;
      const fix = own
        .slice(i + 1)
        .find(e => e.outcome === 'succeeded' && !failed.has(e));
      if (fix) restoreHours.push((timeOf(fix) - timeOf(deploy)) / HOUR_MS);
    });
  }
  const restoreMedian = median(restoreHours);

  return {
    bandsVersion: bands.version,
    deploymentFrequency: {
      deploys: successes.length,
      perDay: successes.length / days,
      medianDeployDaysPerWeek: medianDeployDays,
      band: bandFor(bands, 'deploymentFrequency', medianDeployDays),
    },
    leadTime: {
      medianHours: leadTimeHours,
      commits: leadTimes.length,
      band: bandFor(bands, 'leadTimeHours', leadTimeHours),
    },
    changeFailureRate: {
      ...cfr,
      band: bandFor(bands, 'changeFailureRate', cfr.value),
    },
    timeToRestore: {
      medianHours: restoreMedian,
      restores: restoreHours.length,
      band: bandFor(bands, 'timeToRestoreHours', restoreMedian),
    },
  };
}
