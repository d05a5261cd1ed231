// Proof 3: each scheduled collector pass runs on one replica only (Backstage's scheduler locks a
// global task in the shared database), counted from the one "pass done" line every pass logs; and
// both replicas answer the adoption and cost routes identically, after a pass triggered through
// the other replica wrote to the shared store.
import { isDeepStrictEqual } from 'node:util';

const COLLECTORS = [
  {
    pluginId: 'adoption-metrics',
    taskId: 'adoption-metrics-collect',
    done: 'Adoption metrics pass done',
  },
  {
    pluginId: 'workload-cost',
    taskId: 'workload-cost-collect',
    done: 'Workload cost pass done',
  },
];
/** Reads over fixed, day-aligned ranges, so two answers computed a millisecond apart can match. */
function reads(now = new Date()) {
  const day = d => d.toISOString().slice(0, 10);
  // Up to yesterday: a range that includes today ends at "now", which differs per answer.
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const yesterday = new Date(now.getTime() - 86_400_000);
  const lastMonth = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
  );
  return [
    `/api/adoption-metrics/summary?from=${day(from)}&to=${day(yesterday)}`,
    '/api/adoption-metrics/sources',
    `/api/workload-cost/teams?month=${lastMonth.toISOString().slice(0, 7)}`,
    '/api/workload-cost/status',
  ];
}
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function passes(replicas, collector) {
  return replicas.map(r => r.linesWith(collector.done).length);
}

/** Waits (bounded) until the collector's passes add up to `total`, then a while longer. */
async function waitForPasses(replicas, collector, total, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const sum = () => passes(replicas, collector).reduce((a, b) => a + b, 0);
  while (sum() < total) {
    if (Date.now() > deadline)
      throw new Error(
        `${collector.taskId}: ${sum()} passes after ${
          timeoutMs / 1000
        } s, expected ${total}`,
      );
    await sleep(1000);
  }
  // A second replica running the same pass would log within seconds of the first.
  await sleep(10_000);
  return passes(replicas, collector);
}

export async function proveCollectorsOnce({ set }) {
  const { replicas } = set;
  const problems = [];
  const counts = {};
  for (const collector of COLLECTORS) {
    // The pass at start-up (initial delay), then one triggered through the last replica.
    const first = await waitForPasses(replicas, collector, 1);
    await replicas
      .at(-1)
      .api.call(
        'POST',
        `/api/${collector.pluginId}/.backstage/scheduler/v1/tasks/${collector.taskId}/trigger`,
      );
    const second = await waitForPasses(replicas, collector, 2);
    const total = second.reduce((a, b) => a + b, 0);
    if (first.reduce((a, b) => a + b, 0) !== 1 || total !== 2)
      problems.push(
        `${collector.taskId}: passes per replica ${first.join(
          '+',
        )} at start-up and ${second.join(
          '+',
        )} after one trigger, expected 1 and 2 in all`,
      );
    counts[collector.taskId] = second.join('+');
  }
  const urls = reads();
  for (const url of urls) {
    const answers = await Promise.all(
      replicas.map(r => r.api.call('GET', url)),
    );
    if (!answers.every(a => isDeepStrictEqual(a, answers[0])))
      problems.push(
        `${url} differs between replicas: ${answers
          .map(a => JSON.stringify(a).slice(0, 200))
          .join(' vs ')}`,
      );
  }
  if (problems.length)
    throw new Error(`collectors across replicas: ${problems.join('; ')}`);
  return {
    passes: Object.values(counts)
      .map(c => c.split('+').reduce((a, b) => a + Number(b), 0))
      .reduce((a, b) => a + b, 0),
    line: `collector passes per replica (start-up + 1 trigger): ${Object.entries(
      counts,
    )
      .map(([id, c]) => `${id} ${c}`)
      .join(', ')}; ${
      urls.length
    } adoption and cost reads identical on both replicas`,
  };
}
