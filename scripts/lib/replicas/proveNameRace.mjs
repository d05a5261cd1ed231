// Proof 2: five tasks asking for the same service name at the same moment, spread over both
// replicas. Exactly one completes; every other one fails with a message that tells the person to
// choose another name; and the name has exactly one of each thing, all made by the winner (a loser
// leaves nothing half-made: no second repository, no file in the GitOps repository or object on the
// cluster (with `cluster`: kubernetes delivery), no entity).
import { completeServiceProblems, inventory } from './inventory.mjs';
import { submitAll, waitForTasks } from './tasks.mjs';

const NAME_TAKEN = /choose another service name|already (exists|in use|taken)/i;

export async function proveNameRace({
  set,
  gitea,
  runId,
  cluster,
  count = 5,
  timeoutMs = 300_000,
}) {
  const { replicas } = set;
  const name = `race-${cluster ? 'k8s-' : ''}${runId}`;
  const submitted = await submitAll(
    Array.from({ length: count }, (_, i) => ({
      name,
      replica: replicas[i % replicas.length],
    })),
  );
  const results = await waitForTasks(
    () => replicas[0].api,
    submitted.map(s => s.id),
    timeoutMs,
  );
  const completed = results.filter(r => r.status === 'completed');
  const problems = [];
  if (completed.length !== 1)
    problems.push(
      `${completed.length} of ${count} tasks for one name completed, expected exactly 1`,
    );
  for (const lost of results.filter(r => r.status !== 'completed')) {
    if (!lost.errors.some(e => NAME_TAKEN.test(e)))
      problems.push(
        `task ${lost.id} ${lost.status} without saying the name is taken: ${
          lost.errors.join('; ') || 'no error message'
        }`,
      );
  }
  if (completed.length === 1) {
    const found = await inventory({
      gitea,
      api: replicas[0].api,
      names: [name],
      cluster,
    });
    problems.push(
      ...completeServiceProblems(name, found[name], completed[0].id),
    );
  }
  if (problems.length)
    throw new Error(
      `${count} tasks for one name at once: ${problems.join('; ')}`,
    );
  const reasons = [
    ...new Set(
      results
        .filter(r => r.status !== 'completed')
        .map(r => r.errors.find(e => NAME_TAKEN.test(e)).slice(0, 120)),
    ),
  ];
  return {
    submitted,
    races: `${completed.length}/${count}`,
    line: `${count} tasks for "${name}" at once over ${
      replicas.length
    } replicas: 1 completed, ${count - 1} refused (${reasons.join(
      ' | ',
    )}); one repository, Application, claim and entity${
      cluster ? ' (Application, namespace and claim on the cluster)' : ''
    }, all by the winner`,
  };
}
