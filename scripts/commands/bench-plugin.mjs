// `./paved bench adoption` and `./paved bench costs`: a plugin's benchmark with generated data
// (plugins/<plugin>/bench/*.ts) next to a disposable local API server. Adoption: 10 000 services,
// 100 000 deploys, the dashboard's p50/p95, a collector pass over 500 Applications. Costs: a pass
// over 50 000 pods, the card's and the Costs page's p50/p95 at 10 000 components, listing pods
// from the API server. Prints JSON and keeps it in .paved/logs/bench-<name>.json.
import fs from 'node:fs';
import path from 'node:path';
import { kubernetesForTests } from '../lib/kubernetes.mjs';
import { repoRoot, stateDir } from '../lib/paths.mjs';
import { capture } from '../lib/run.mjs';

const BENCHES = {
  adoption: ['plugins/adoption-metrics-backend', 'bench/adoptionBench.ts'],
  costs: ['plugins/workload-cost-backend', 'bench/costBench.ts'],
};

export async function benchPlugin(env, name) {
  const [dir, script] = BENCHES[name];
  const cluster = await kubernetesForTests({
    ...env,
    PAVED_REQUIRE_KUBERNETES: '1',
  });
  try {
    const out = await capture(
      'node',
      ['--require', '@backstage/cli/config/nodeTransform.cjs', script],
      {
        cwd: path.join(repoRoot, dir),
        env: { ...env, KUBECONFIG: cluster.kubeconfig },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (out === undefined)
      throw new Error(`the ${name} benchmark failed (its output is above)`);
    process.stdout.write(out);
    fs.mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'logs', `bench-${name}.json`), out);
  } finally {
    await cluster.stop();
  }
}
