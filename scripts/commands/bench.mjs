// `./paved bench`: how long the golden path takes in the default (gitops, embedded git host) set-up,
// on the local platform: from submitting the form to a completed task, and to the service's Pods
// Running in dev (Argo CD syncs the commit, the controllers make the Pods, KWOK runs them). Starts
// the platform (a control plane of its own, purged before and after) and a backend of its own with
// fresh data, runs the task N times (default 5) after a warm-up with generated names and prints the
// medians and the spread. Goals on a 2-core machine: task under 10 s, Pods Running under 30 s.
// (No step times: the task events' timestamps have whole-second resolution in SQLite.)
import fs from 'node:fs';
import path from 'node:path';
import {
  ISOLATED_BASE_URL,
  startIsolatedBackend,
} from '../lib/isolatedBackend.mjs';
import { repoRoot, stateDir } from '../lib/paths.mjs';
import { run } from '../lib/run.mjs';
import { startLocalPlatform } from '../lib/localPlatform.mjs';

const POD_TIMEOUT_MS = 120_000;
const downScript = path.join(repoRoot, 'k8s/scripts/down.mjs');

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Resolves when every Pod in the namespace is Running (and there is at least one). */
async function podsRunning(cluster, namespace) {
  const deadline = Date.now() + POD_TIMEOUT_MS;
  for (;;) {
    const pods = await cluster.request(
      'GET',
      `/api/v1/namespaces/${namespace}/pods`,
    );
    const items = pods?.items ?? [];
    if (items.length && items.every(p => p.status?.phase === 'Running')) return;
    if (Date.now() > deadline)
      throw new Error(
        `no Running Pods in ${namespace} ${
          POD_TIMEOUT_MS / 1000
        } s after Create ` +
          `(${
            items
              .map(p => `${p.metadata.name} ${p.status?.phase}`)
              .join(', ') || 'none'
          }); ` +
          'see the Argo CD logs under .paved/k8s-bench/logs',
      );
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function runTask(api, cluster, name) {
  const submitted = Date.now();
  const { id } = await api.submitGoldenPath(name);
  const [total, pods] = await Promise.all([
    api.waitForTask(id).then(() => Date.now() - submitted),
    podsRunning(cluster, `${name}-dev`).then(() => Date.now() - submitted),
  ]);
  return { id, total, pods };
}

const summarize = xs => ({
  medianSeconds: median(xs) / 1000,
  minSeconds: Math.min(...xs) / 1000,
  maxSeconds: Math.max(...xs) / 1000,
});

export async function benchGoldenPath(env, args) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const { KUBECONFIG: _ignored, ...rest } = env;
  const platformEnv = {
    ...rest,
    PAVED_K8S_DIR: path.join(stateDir, 'k8s-bench'),
  };
  const purge = () =>
    run('node', [downScript, '--purge'], { cwd: repoRoot, env: platformEnv });
  await purge();
  try {
    const { kubeconfig, portalEnv } = await startLocalPlatform(platformEnv, {
      seed: false,
      gitHost: `${ISOLATED_BASE_URL}/api/git-host`,
    });
    // Loaded here: it needs @kubernetes/client-node, which `./paved` installs before it runs this.
    const { kubeClient } = await import(
      '../../k8s/scripts/lib/kube-client.mjs'
    );
    const cluster = await kubeClient(kubeconfig);
    const started = startIsolatedBackend({ ...env, ...portalEnv }, 'bench', {
      extraConfigs: [
        'app-config.demo.yaml',
        'scripts/isolated-platform-config.yaml',
      ],
    });
    const { api } = started;
    try {
      await started.check(async () => {
        await api.waitForGoldenPath(started.backend);
        // One warm-up run: the first task pays for loading the actions' code, Argo CD for its
        // first clone of the GitOps repository.
        const prefix = `bench-${Date.now().toString(36)}`;
        await runTask(api, cluster, `${prefix}-warm`);
        const results = [];
        for (let i = 0; i < runs; i++) {
          const result = await runTask(api, cluster, `${prefix}-${i}`);
          results.push(result);
          console.log(
            `run ${i + 1}: task completed ${(result.total / 1000).toFixed(
              2,
            )} s, Pods Running in dev ${(result.pods / 1000).toFixed(2)} s`,
          );
        }
        const summary = {
          runs,
          taskCompleted: summarize(results.map(r => r.total)),
          podsRunningInDev: summarize(results.map(r => r.pods)),
        };
        console.log(JSON.stringify(summary, null, 2));
        console.log(
          `\nGolden path (gitops mode, embedded git host, local platform), median over ${runs} runs:\n` +
            `  Create to task completed:      ${summary.taskCompleted.medianSeconds.toFixed(
              2,
            )} s (goal: under 10 s)\n` +
            `  Create to Pods Running in dev: ${summary.podsRunningInDev.medianSeconds.toFixed(
              2,
            )} s (goal: under 30 s)`,
        );
        fs.writeFileSync(
          path.join(stateDir, 'logs', 'bench-golden-path.json'),
          JSON.stringify(summary, null, 2),
        );
      });
    } finally {
      cluster.close();
    }
  } finally {
    await purge();
  }
}
