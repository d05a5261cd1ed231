// Golden-path tasks as the check drives them: submitted through a replica's scaffolder route, then
// watched (one poll a second for all of them, so twenty tasks do not flood the replicas) until each
// ends. Any replica can answer for any task: they share the task table.
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The error messages of a task's failed steps, from its event log. */
export async function taskErrors(api, id) {
  const events = await api.call('GET', `/api/scaffolder/v2/tasks/${id}/events`);
  return events.filter(e => e.body?.error).map(e => e.body.error.message);
}

/**
 * Waits until every task has ended (completed, failed or cancelled); resolves to
 * [{ id, status, seconds, errors }] in the same order. `api()` picks a live replica per poll.
 */
export async function waitForTasks(api, ids, timeoutMs) {
  const started = Date.now();
  const ended = new Map();
  while (ended.size < ids.length) {
    if (Date.now() - started > timeoutMs) {
      const open = ids.filter(id => !ended.has(id));
      throw new Error(
        `${open.length} of ${ids.length} tasks had not ended after ${
          timeoutMs / 1000
        } s: ${open.join(', ')}`,
      );
    }
    for (const id of ids) {
      if (ended.has(id)) continue;
      const task = await api().call('GET', `/api/scaffolder/v2/tasks/${id}`);
      if (['completed', 'failed', 'cancelled'].includes(task.status)) {
        ended.set(id, {
          id,
          status: task.status,
          seconds: (Date.now() - started) / 1000,
          errors:
            task.status === 'completed' ? [] : await taskErrors(api(), id),
        });
      }
    }
    if (ended.size < ids.length) await sleep(1000);
  }
  return ids.map(id => ended.get(id));
}

/** Submits one golden-path task per name through the given replicas, all at once. */
export function submitAll(assignments) {
  return Promise.all(
    assignments.map(async ({ replica, name }) => {
      const { id } = await replica.api.submitGoldenPath(name);
      return { id, name, submittedTo: replica.name };
    }),
  );
}
