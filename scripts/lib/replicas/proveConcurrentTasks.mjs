// Proof 1: twenty golden-path tasks submitted at the same moment, alternately through each replica,
// all complete, and each made exactly one repository (with one commit), one Application, one claim,
// one catalog entity and one location, all marked with its own task.
import {
  completeServiceProblems,
  countDuplicates,
  inventory,
} from './inventory.mjs';
import { submitAll, waitForTasks } from './tasks.mjs';

export async function proveConcurrentTasks({
  set,
  gitea,
  runId,
  count = 20,
  timeoutMs = 300_000,
}) {
  const { replicas } = set;
  const names = Array.from(
    { length: count },
    (_, i) => `rep-${runId}-${String(i).padStart(2, '0')}`,
  );
  const submitted = await submitAll(
    names.map((name, i) => ({ name, replica: replicas[i % replicas.length] })),
  );
  const results = await waitForTasks(
    () => replicas[0].api,
    submitted.map(s => s.id),
    timeoutMs,
  );
  const failed = results.filter(r => r.status !== 'completed');
  if (failed.length)
    throw new Error(
      `${failed.length} of ${count} concurrent tasks did not complete: ${failed
        .map(f => `${f.id} ${f.status}: ${f.errors.join('; ')}`)
        .join(' | ')}`,
    );

  const found = await inventory({ gitea, api: replicas[0].api, names });
  const problems = submitted.flatMap(s =>
    completeServiceProblems(s.name, found[s.name], s.id),
  );
  // Which replica ran each task (the scaffolder's audit event in its log): both should have.
  const ranBy = Object.fromEntries(replicas.map(r => [r.name, 0]));
  for (const s of submitted) {
    const runners = replicas.filter(r => r.taskAudits(s.id).length > 0);
    if (runners.length !== 1)
      problems.push(
        `task ${s.id} was run by ${
          runners.map(r => r.name).join(' and ') || 'no replica'
        }`,
      );
    for (const r of runners) ranBy[r.name] += 1;
  }
  const duplicates = countDuplicates(found);
  if (problems.length)
    throw new Error(`after ${count} concurrent tasks: ${problems.join('; ')}`);
  return {
    submitted,
    count,
    duplicates,
    ranBy,
    maxSeconds: Math.max(...results.map(r => r.seconds)),
    line: `${count} concurrent tasks completed (run by ${Object.entries(ranBy)
      .map(([n, c]) => `${n}: ${c}`)
      .join(', ')}; slowest ${Math.round(
      Math.max(...results.map(r => r.seconds)),
    )} s): ${count} repositories with 1 commit each, ${count} Applications, ${count} claims, ${count} entities, ${count} locations, ${duplicates} duplicates`,
  };
}
