// The deploy history of one service over the last 90 days, in every environment it runs in: what an
// Argo CD application controller would have recorded. Pure and deterministic (seeded PRNG, fixed now).
//
// The story it tells, per service:
//  - commits land on working days (09:00-17:00 UTC), more for busy services, almost none for deprecated ones;
//  - dev auto-syncs every commit a few minutes after CI has built it;
//  - staging syncs the newest commit on most working days;
//  - production is promoted by a person from what staging runs, a few times a week, never on Fridays;
//  - a sync sometimes fails and is retried (Argo CD records only the successful one in status.history);
//  - after a bad production or staging deploy someone rolls back to the previous revision (a history
//    entry whose revision is an earlier one's);
//  - some applications end with a failed last operation (status.operationState), still running the
//    previous revision.
import { DAY, HOUR, MINUTE, iso, workingDays } from './clock.mjs';
import { randomStream } from './random.mjs';

export const HISTORY_DAYS = 90;

const FINAL_FAILURES = [
  {
    phase: 'Failed',
    sync: 'OutOfSync',
    health: 'Healthy',
    message: name =>
      `one or more objects failed to apply, reason: Deployment.apps "${name}" is invalid: ` +
      'spec.template.spec.containers[0].resources.requests: Invalid value: "1500m": ' +
      'must be less than or equal to cpu limit of 1',
  },
  {
    phase: 'Failed',
    sync: 'OutOfSync',
    health: 'Degraded',
    // A failed schema migration: only services with a database run one.
    applies: service => service.databases.length > 0,
    healthMessage: name =>
      `Job "${name}-db-migrate" failed: BackoffLimitExceeded`,
    message: name =>
      `one or more synchronization tasks completed unsuccessfully, reason: Job "${name}-db-migrate" ` +
      'failed: BackoffLimitExceeded (retried 3 times).',
  },
  {
    phase: 'Error',
    sync: 'Unknown',
    health: 'Healthy',
    message: (name, source) =>
      'rpc error: code = Unknown desc = Manifest generation error (cached): ' +
      `kustomize build ${source.path} failed exit status 1: Error: no matches for Id ` +
      `Deployment.v1.apps/${name}-worker.[noNs]; failed to find unique target for patch`,
  },
];

/** Where Argo CD takes an environment's manifests from. */
export function applicationSource(service, env) {
  return {
    repoURL: service.repoURL,
    // The golden-path skeleton keeps one environment's manifests in k8s/; older services use overlays.
    path: service.goldenPath ? 'k8s' : `deploy/overlays/${env}`,
    targetRevision: 'main',
  };
}

function commitsPerDay(service, rng) {
  if (service.lifecycle === 'deprecated')
    return () => (rng.chance(0.12) ? 1 : 0);
  const busy = rng.int(1, 3);
  return () => rng.int(0, busy);
}

function planCommits(service, start, now, rng) {
  const commits = [];
  const perDay = commitsPerDay(service, rng);
  for (const day of workingDays(start, now)) {
    const count = perDay();
    for (let i = 0; i < count; i++) {
      const time = day.getTime() + 9 * HOUR + rng.int(0, 8 * 60) * MINUTE;
      if (time > start.getTime() && time < now.getTime())
        commits.push({ time, revision: rng.hex(40) });
    }
  }
  return commits.sort((a, b) => a.time - b.time);
}

/** The sync events each environment's rule schedules, oldest first. */
function planSyncs(service, commits, start, now, rng) {
  const envs = service.environments.map(e => e.env);
  const events = [];
  if (envs.includes('dev'))
    for (const c of commits)
      events.push({ env: 'dev', time: c.time + rng.int(4, 9) * MINUTE });
  for (const day of workingDays(start, now)) {
    if (envs.includes('staging') && rng.chance(0.55))
      events.push({
        env: 'staging',
        time: day.getTime() + rng.int(13 * 60, 16 * 60) * MINUTE,
      });
    if (
      envs.includes('production') &&
      day.getUTCDay() !== 5 &&
      rng.chance(0.35)
    )
      events.push({
        env: 'production',
        time: day.getTime() + rng.int(10 * 60, 12 * 60) * MINUTE,
      });
  }
  // Leave room for a retried sync to finish before "now".
  return events
    .filter(e => e.time < now.getTime() - 2 * HOUR)
    .sort((a, b) => a.time - b.time);
}

/**
 * Returns, per environment: `history` (status.history entries, oldest first, ids from 0), `running`
 * (the revision deployed now), `operation` (the last one: phase, message, revision, times), `sync`
 * and `health` (status values) and `source` (the Application's spec.source).
 */
export function serviceHistory(service, members, now) {
  const rng = randomStream(`history/${service.name}`);
  const windowStart = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const created = service.createdAt ? new Date(service.createdAt) : null;
  const start = created && created > windowStart ? created : windowStart;
  const people = members[service.team] ?? ['platform-bot'];

  const commits = planCommits(service, start, now, rng);
  // What ran before the window (or the template's first commit for a service created inside it).
  const initial = { time: start.getTime(), revision: rng.hex(40) };
  commits.unshift(initial);

  const state = {};
  for (const { env } of service.environments) {
    state[env] = {
      history: [],
      running: created && created > windowStart ? null : initial.revision,
      previous: null,
      last: null,
    };
  }
  const latestCommitBefore = time =>
    commits.filter(c => c.time <= time - 10 * MINUTE).pop()?.revision;

  const record = (env, revision, time, initiatedBy) => {
    const s = state[env];
    const duration = rng.int(35, 240) * 1000;
    const entry = {
      id: s.history.length,
      revision,
      deployStartedAt: iso(time),
      deployedAt: iso(time + duration),
      source: applicationSource(service, env),
      initiatedBy,
    };
    s.history.push(entry);
    s.previous = s.running;
    s.running = revision;
    s.last = { entry, time: time + duration };
    return time + duration;
  };

  const sync = (env, revision, time, initiatedBy) => {
    let at = time;
    // A failed sync leaves no history entry; the retry (automated or by hand) succeeds.
    if (rng.chance(0.05)) at += rng.int(15, 60) * MINUTE;
    const done = record(env, revision, at, initiatedBy);
    if (env !== 'dev' && state[env].previous && rng.chance(0.06)) {
      const rollbackAt = done + rng.int(12, 95) * MINUTE;
      if (rollbackAt + 5 * MINUTE < now.getTime())
        record(env, state[env].previous, rollbackAt, {
          username: rng.pick(people),
        });
    }
  };

  // A service created from the golden path in the window gets its first deploy right after creation.
  if (created && created > windowStart)
    for (const { env } of service.environments)
      record(
        env,
        initial.revision,
        created.getTime() + rng.int(6, 14) * MINUTE,
        {
          username: rng.pick(people),
        },
      );

  for (const event of planSyncs(service, commits, start, now, rng)) {
    const s = state[event.env];
    const wanted =
      event.env === 'production' && state.staging
        ? state.staging.running
        : latestCommitBefore(event.time);
    if (!wanted || wanted === s.running) continue;
    if (s.last && event.time <= s.last.time) continue;
    const initiatedBy =
      event.env === 'production'
        ? { username: rng.pick(people) }
        : { automated: true };
    sync(event.env, wanted, event.time, initiatedBy);
  }

  const result = {};
  for (const { env } of service.environments) {
    result[env] = finish(service, env, state[env], commits, now, rng, people);
  }
  return result;
}

/** The last operation: the last successful deploy, or (sometimes) a failed attempt after it. */
function finish(service, env, s, commits, now, rng, people) {
  const source = applicationSource(service, env);
  const lastDeploy = s.last;
  const failAt = now.getTime() - rng.int(1, 20) * HOUR;
  const failures = FINAL_FAILURES.filter(f => !f.applies || f.applies(service));
  const failure = rng.chance(0.18) ? rng.pick(failures) : null;
  if (failure && lastDeploy && failAt > lastDeploy.time) {
    const newest = commits[commits.length - 1].revision;
    const revision = newest !== s.running ? newest : rng.hex(40);
    return {
      history: s.history,
      running: s.running,
      operation: {
        phase: failure.phase,
        message: failure.message(service.name, source),
        revision,
        startedAt: iso(failAt),
        finishedAt: iso(failAt + rng.int(20, 180) * 1000),
        initiatedBy:
          env === 'production'
            ? { username: rng.pick(people) }
            : { automated: true },
      },
      sync: failure.sync,
      health: failure.health,
      healthMessage: failure.healthMessage?.(service.name),
      source,
    };
  }
  const entry = lastDeploy?.entry;
  return {
    history: s.history,
    running: s.running,
    operation: entry && {
      phase: 'Succeeded',
      message: 'successfully synced (all tasks run)',
      revision: entry.revision,
      startedAt: entry.deployStartedAt,
      finishedAt: entry.deployedAt,
      initiatedBy: entry.initiatedBy,
    },
    sync: 'Synced',
    health: 'Healthy',
    source,
  };
}
