// Proof 3: one golden-path task per step, and the replica running it killed with SIGKILL while it
// is inside that step (preflight, repository, claim, Application, registration). The other replica
// must take the task over (scaffolder.taskRecovery: stale after 30 s without a heartbeat, then
// resumed at the step that was cut off, in its workspace restored from the database) and complete
// it within 60 s of the kill, with exactly one of everything. The killed replica is started again,
// as Kubernetes would, before the next step's kill.
//
// "Inside" is made certain by when the kill is sent: on the line the replica logs as the step does
// its work (preflight's "Checking that … are free", the audit event each write step records as
// "initiated" before it writes), read from the replica's log as it is written. Afterwards the
// task's events must show every earlier step skipped as completed and that step run again.
import fs from 'node:fs';
import { completeServiceProblems, inventory } from './inventory.mjs';
import { waitForTasks } from './tasks.mjs';

const RECOVERY_LIMIT_S = 60;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const auditInitiated = eventId => (line, task) =>
  line.includes(`"eventId":"${eventId}"`) &&
  line.includes(`"taskId":"${task.id}"`) &&
  line.includes('"status":"initiated"');

/** Each step of the golden path's template (templates/new-microservice) and the line inside it. */
const KILL_POINTS = [
  {
    step: 'preflight',
    match: (line, task) =>
      line.includes('Checking that ') && line.includes(`/${task.name} and its`),
  },
  { step: 'publish', match: auditInitiated('repository-create') },
  { step: 'claim', match: auditInitiated('claim-write') },
  { step: 'argocd', match: auditInitiated('application-write') },
  { step: 'register', match: auditInitiated('catalog-register') },
];

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Reads what was appended to `file` since `offset`; returns [text, newOffset]. */
function readFrom(file, offset) {
  const size = fileSize(file);
  if (size <= offset) return ['', offset];
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return [buffer.toString('utf8'), size];
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Polls every replica's log (10 ms apart) until one writes a line matching `match`; resolves to
 * that replica. Lines are only complete once they end in a newline.
 */
async function waitForLine(replicas, match, task, timeoutMs = 60_000) {
  const state = replicas.map(r => ({
    r,
    file: r.logFile(),
    offset: task.offsets.get(r),
    partial: '',
  }));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const s of state) {
      const [text, offset] = readFrom(s.file, s.offset);
      s.offset = offset;
      const lines = (s.partial + text).split('\n');
      s.partial = lines.pop();
      if (lines.some(line => match(line, task))) return s.r;
    }
    await sleep(10);
  }
  throw new Error(
    `no replica logged the line of step ${task.step} for task ${
      task.id
    } within ${timeoutMs / 1000} s`,
  );
}

/**
 * Problems with where the kill landed, from the task's events as the scaffolder shows them after
 * a recovery (from the "recovered" event on): every step before `step` was skipped as "already
 * completed in a previous run", and `step` itself ran again, so it had not completed when the
 * replica died.
 */
function killLandingProblems(events, step, stepIds) {
  if (events[0]?.type !== 'recovered')
    return ['no "recovered" event: the task was not taken over'];
  const skippedAsDone = id =>
    events.some(
      e =>
        e.body?.stepId === id &&
        e.body?.status === 'completed' &&
        /already completed/.test(e.body?.message ?? ''),
    );
  const problems = [];
  const earlier = stepIds.slice(0, stepIds.indexOf(step));
  const rerun = earlier.filter(id => !skippedAsDone(id));
  if (rerun.length)
    problems.push(
      `step${rerun.length > 1 ? 's' : ''} ${rerun.join(
        ', ',
      )} ran again after the recovery: the kill came before step ${step}`,
    );
  if (skippedAsDone(step))
    problems.push(
      `step ${step} had completed before the replica was killed (the kill came too late)`,
    );
  else if (
    !events.some(
      e => e.body?.stepId === step && e.body?.status === 'processing',
    )
  )
    problems.push(`step ${step} did not run after the recovery`);
  return problems;
}

async function killInsideStep({ set, gitea, runId, point, index }) {
  const { replicas } = set;
  const name = `kill-${runId}-${point.step}`;
  const offsets = new Map(replicas.map(r => [r, fileSize(r.logFile())]));
  const submitTo = replicas[index % replicas.length];
  const { id } = await submitTo.api.submitGoldenPath(name);
  const task = { id, name, step: point.step, offsets };

  const victim = await waitForLine(replicas, point.match, task);
  await victim.kill();
  const killedAt = Date.now();
  const survivor = replicas.find(r => r !== victim);

  const [result] = await waitForTasks(
    () => survivor.api,
    [id],
    (RECOVERY_LIMIT_S + 60) * 1000,
  );
  const recoverySeconds = (Date.now() - killedAt) / 1000;
  const problems = [];
  if (result.status !== 'completed')
    problems.push(`ended ${result.status}: ${result.errors.join('; ')}`);
  if (recoverySeconds > RECOVERY_LIMIT_S)
    problems.push(
      `completed ${recoverySeconds.toFixed(
        1,
      )} s after the kill, over the ${RECOVERY_LIMIT_S} s allowed`,
    );
  const { spec } = await survivor.api.call(
    'GET',
    `/api/scaffolder/v2/tasks/${id}`,
  );
  problems.push(
    ...killLandingProblems(
      await survivor.api.events(id),
      point.step,
      spec.steps.map(s => s.id),
    ),
  );
  if (!survivor.taskAudits(id).some(a => a.status === 'succeeded'))
    problems.push(`${survivor.name} did not record running it to success`);
  const found = await inventory({ gitea, api: survivor.api, names: [name] });
  problems.push(...completeServiceProblems(name, found[name], id));

  // Back to two replicas before the next kill, as the Deployment would restart the pod.
  await victim.start();
  return {
    step: point.step,
    id,
    name,
    victim: victim.name,
    survivor: survivor.name,
    recoverySeconds,
    problems,
  };
}

export async function proveKillInEachStep({ set, gitea, runId }) {
  const outcomes = [];
  for (const [index, point] of KILL_POINTS.entries()) {
    outcomes.push(await killInsideStep({ set, gitea, runId, point, index }));
  }
  const failed = outcomes.filter(o => o.problems.length);
  if (failed.length)
    throw new Error(
      `a replica killed inside a step: ${failed
        .map(o => `${o.step} (task ${o.id}): ${o.problems.join('; ')}`)
        .join(' | ')}`,
    );
  const maxRecovery = Math.max(...outcomes.map(o => o.recoverySeconds));
  return {
    submitted: outcomes.map(o => ({ id: o.id, name: o.name })),
    kills: outcomes.length,
    recovered: outcomes.length,
    maxRecoverySeconds: Math.round(maxRecovery),
    line: `a replica killed with SIGKILL inside each step: ${outcomes
      .map(
        o =>
          `${o.step} (${o.victim} killed, ${
            o.survivor
          } completed it ${o.recoverySeconds.toFixed(0)} s later)`,
      )
      .join(
        ', ',
      )}; each service has one repository, Application, claim and entity`,
  };
}
