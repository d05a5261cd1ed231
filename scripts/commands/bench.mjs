// `./paved bench`: how long the golden path takes, from submitting the form to a completed task,
// in the default (gitops, embedded git host) set-up. Starts a backend of its own with fresh data,
// runs the task N times (default 5) with generated names and prints the median and the spread.
// The goal is under 10 s per task on a 2-core machine. (No step times: the task events'
// timestamps have whole-second resolution in SQLite.)
import fs from 'node:fs';
import path from 'node:path';
import { startIsolatedBackend } from '../lib/isolatedBackend.mjs';
import { stateDir } from '../lib/paths.mjs';

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function runTask(api, name) {
  const submitted = Date.now();
  const { id } = await api.submitGoldenPath(name);
  await api.waitForTask(id);
  return { id, total: Date.now() - submitted };
}

export async function benchGoldenPath(env, args) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const started = startIsolatedBackend(env, 'bench');
  const { api } = started;
  await started.check(async () => {
    await api.waitForGoldenPath(started.backend);
    // One warm-up run: the first task pays for loading the actions' code.
    const prefix = `bench-${Date.now().toString(36)}`;
    await runTask(api, `${prefix}-warm`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await runTask(api, `${prefix}-${i}`);
      results.push({ total: result.total });
      console.log(`run ${i + 1}: ${(result.total / 1000).toFixed(2)} s`);
    }
    const totals = results.map(r => r.total);
    const summary = {
      runs,
      medianSeconds: median(totals) / 1000,
      minSeconds: Math.min(...totals) / 1000,
      maxSeconds: Math.max(...totals) / 1000,
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `\nGolden path, submit to completed (gitops mode, embedded git host): median ${summary.medianSeconds.toFixed(
        2,
      )} s over ${runs} runs (goal: under 10 s)`,
    );
    fs.writeFileSync(
      path.join(stateDir, 'logs', 'bench-golden-path.json'),
      JSON.stringify(summary, null, 2),
    );
  });
}
