// `./paved bench`: how long the golden path takes, from submitting the form to a completed task,
// in the default (gitops, embedded git host) set-up. Starts a backend of its own with fresh data,
// runs the task N times (default 5) with generated names and prints the median, the spread and
// where the time goes. The goal is under 10 s per task on a 2-core machine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startBackendFromSource } from '../lib/backend.mjs';
import { stateDir } from '../lib/paths.mjs';

const BASE_URL = 'http://localhost:7027';
const READY_TIMEOUT_MS = 180_000;
const TASK_TIMEOUT_MS = 120_000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function api(token, method, url, body) {
  const res = await fetch(`${BASE_URL}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function waitForTemplate(token, backend) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) throw new Error(`backend exited with code ${backend.exitCode}`);
    try {
      await api(token, 'GET', '/api/catalog/entities/by-name/template/default/new-microservice');
      await api(token, 'GET', '/api/catalog/entities/by-name/group/default/checkout');
      return;
    } catch {
      await sleep(1000);
    }
  }
  throw new Error(`the template was not in the catalog after ${READY_TIMEOUT_MS / 1000} s`);
}

async function runTask(token, name) {
  const submitted = Date.now();
  const { id } = await api(token, 'POST', '/api/scaffolder/v2/tasks', {
    templateRef: 'template:default/new-microservice',
    values: {
      name,
      owner: 'group:default/checkout',
      description: 'Benchmark service',
      language: 'go',
      environment: 'dev',
      database: { enabled: true, offering: 'postgresql', tier: 'standard', storageGB: 20, region: 'eu-west-1' },
    },
  });
  for (;;) {
    const task = await api(token, 'GET', `/api/scaffolder/v2/tasks/${id}`);
    if (task.status === 'completed') {
      const total = Date.now() - submitted;
      const { steps } = task.state ?? {};
      return { id, total, steps };
    }
    if (['failed', 'cancelled'].includes(task.status)) {
      const events = await api(token, 'GET', `/api/scaffolder/v2/tasks/${id}/events`);
      const errors = events.filter(e => e.body?.error).map(e => e.body.error.message);
      throw new Error(`task ${id} ${task.status}: ${errors.join('; ')}`);
    }
    if (Date.now() - submitted > TASK_TIMEOUT_MS) throw new Error(`task ${id} still ${task.status} after 120 s`);
    await sleep(100);
  }
}

async function stepTimes(token, id) {
  const events = await api(token, 'GET', `/api/scaffolder/v2/tasks/${id}/events`);
  const times = {};
  for (const e of events) {
    const { stepId, status } = e.body ?? {};
    if (!stepId || !status) continue;
    times[stepId] ??= {};
    times[stepId][status] = Date.parse(e.createdAt);
  }
  return Object.fromEntries(
    Object.entries(times)
      .filter(([, t]) => t.processing && (t.completed || t.skipped))
      .map(([step, t]) => [step, (t.completed ?? t.skipped) - t.processing]),
  );
}

export async function benchGoldenPath(env, args) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  fs.rmSync(path.join(stateDir, 'bench'), { recursive: true, force: true });
  const token = crypto.randomBytes(24).toString('base64url');
  const started = startBackendFromSource({
    logName: 'bench-golden-path',
    configs: ['app-config.yaml', 'scripts/bench/app-config.yaml'],
    env: { ...env, PAVED_BENCH_TOKEN: token },
  });
  try {
    await waitForTemplate(token, started.backend);
    // One warm-up run: the first task pays for loading the actions' code.
    const prefix = `bench-${Date.now().toString(36)}`;
    await runTask(token, `${prefix}-warm`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await runTask(token, `${prefix}-${i}`);
      results.push({ total: result.total, steps: await stepTimes(token, result.id) });
      console.log(`run ${i + 1}: ${(result.total / 1000).toFixed(2)} s`);
    }
    const totals = results.map(r => r.total);
    const stepNames = Object.keys(results[0].steps);
    const summary = {
      runs,
      medianSeconds: median(totals) / 1000,
      minSeconds: Math.min(...totals) / 1000,
      maxSeconds: Math.max(...totals) / 1000,
      medianStepSeconds: Object.fromEntries(
        stepNames.map(s => [s, median(results.map(r => r.steps[s] ?? 0)) / 1000]),
      ),
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `\nGolden path, submit to completed (gitops mode, embedded git host): median ${summary.medianSeconds.toFixed(2)} s over ${runs} runs (goal: under 10 s)`,
    );
    fs.writeFileSync(path.join(stateDir, 'logs', 'bench-golden-path.json'), JSON.stringify(summary, null, 2));
  } catch (error) {
    throw new Error(`${error.message}\n--- last lines of ${started.logFile} ---\n${started.tail()}`);
  } finally {
    await started.stop();
  }
}
