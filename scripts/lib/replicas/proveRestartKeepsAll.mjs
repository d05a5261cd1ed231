// Proof 4: both replicas stopped and started again; every task still reads as it ended, and every
// service made before has exactly what it had (nothing lost, nothing made twice on start-up).
import { isDeepStrictEqual } from 'node:util';
import { inventory } from './inventory.mjs';

export async function proveRestartKeepsAll({ set, gitea, tasks }) {
  const names = [...new Set(tasks.map(t => t.name))];
  const api = () => set.replicas.find(r => r.alive()).api;
  const statusOf = async () =>
    Object.fromEntries(
      await Promise.all(
        tasks.map(async t => [
          t.id,
          (await api().call('GET', `/api/scaffolder/v2/tasks/${t.id}`)).status,
        ]),
      ),
    );
  const before = {
    tasks: await statusOf(),
    found: await inventory({ gitea, api: api(), names }),
  };
  const started = Date.now();
  await set.stopAll();
  await set.startAll();
  const seconds = (Date.now() - started) / 1000;
  const after = {
    tasks: await statusOf(),
    found: await inventory({ gitea, api: api(), names }),
  };
  const problems = [];
  for (const [id, status] of Object.entries(before.tasks))
    if (after.tasks[id] !== status)
      problems.push(
        `task ${id} was ${status}, is ${after.tasks[id]} after the restart`,
      );
  for (const name of names)
    if (!isDeepStrictEqual(before.found[name], after.found[name]))
      problems.push(
        `${name} changed on restart: ${JSON.stringify(
          before.found[name],
        )} → ${JSON.stringify(after.found[name])}`,
      );
  if (problems.length)
    throw new Error(`after restarting both replicas: ${problems.join('; ')}`);
  return {
    line: `both replicas restarted in ${Math.round(seconds)} s: ${
      tasks.length
    } tasks and ${names.length} services exactly as before`,
  };
}
