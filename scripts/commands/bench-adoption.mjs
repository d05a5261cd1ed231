// `./paved bench adoption`: the adoption metrics at scale with generated data (10 000 services,
// 100 000 production deploys, 200 teams; the dashboard's requests' p50/p95), then one Argo CD
// collector pass over 500 Applications on a disposable local API server. Goals: p95 under 100 ms,
// the pass under 10 s. Prints JSON and keeps it in .paved/logs/bench-adoption.json.
import fs from 'node:fs';
import path from 'node:path';
import { kubernetesForTests } from '../lib/kubernetes.mjs';
import { repoRoot, stateDir } from '../lib/paths.mjs';
import { capture } from '../lib/run.mjs';

export async function benchAdoption(env) {
  const cluster = await kubernetesForTests({
    ...env,
    PAVED_REQUIRE_KUBERNETES: '1',
  });
  try {
    const out = await capture(
      'node',
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'bench/adoptionBench.ts',
      ],
      {
        cwd: path.join(repoRoot, 'plugins/adoption-metrics-backend'),
        env: { ...env, KUBECONFIG: cluster.kubeconfig },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (out === undefined)
      throw new Error('the adoption benchmark failed (its output is above)');
    process.stdout.write(out);
    fs.mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'logs', 'bench-adoption.json'), out);
  } finally {
    await cluster.stop();
  }
}
