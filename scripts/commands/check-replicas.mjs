// `./paved check replicas`: two Paved backends from the production build on one PostgreSQL, with
// the test Gitea as the SCM and one GitOps repository, proving through the real HTTP routes that
// replicas share the work without doing it twice (issue 13, item 4), then two more in kubernetes
// delivery against the test cluster for the same-name race. One line per proof, then a summary
// line. While developing the check: `--only=gitops` or `--only=kubernetes` runs one of the two
// parts, `--from-source` runs the backends from source instead of the production build.
import { backendLauncher } from '../lib/productionBuild.mjs';
import { proveConcurrentTasks } from '../lib/replicas/proveConcurrentTasks.mjs';
import { proveNameRace } from '../lib/replicas/proveNameRace.mjs';
import { proveKillInEachStep } from '../lib/replicas/proveKillInEachStep.mjs';
import { proveCollectorsOnce } from '../lib/replicas/proveCollectorsOnce.mjs';
import { proveRestartKeepsAll } from '../lib/replicas/proveRestartKeepsAll.mjs';
import { withProductionStack } from '../lib/replicas/productionStack.mjs';
import {
  KUBERNETES_DELIVERY_CONFIG,
  withGoldenPathCluster,
} from '../lib/replicas/goldenPathCluster.mjs';

/** `pg` and `build` are shared with the other checks of `./paved test`; made here when absent. */
export async function checkReplicas(env, { args = [], pg, build } = {}) {
  const started = Date.now();
  const launch = await backendLauncher(env, { args, build });
  const summary = { replicas: 2 };
  const only = args.find(a => a.startsWith('--only='))?.slice('--only='.length);
  if (only !== 'kubernetes')
    await withProductionStack(
      { env, count: 2, launch, pg },
      async ({ set, gitea, runId }) => {
        summary.startup_restarts = set.replicas.reduce(
          (sum, r) => sum + r.startupRestarts,
          0,
        );
        const concurrent = await proveConcurrentTasks({ set, gitea, runId });
        console.log(concurrent.line);
        summary.tasks = concurrent.count;
        summary.duplicates = concurrent.duplicates;
        const race = await proveNameRace({ set, gitea, runId });
        console.log(race.line);
        summary.races = race.races;
        const kills = await proveKillInEachStep({ set, gitea, runId });
        console.log(kills.line);
        summary.kills = kills.kills;
        summary.recovered = kills.recovered;
        summary.max_recovery_s = kills.maxRecoverySeconds;
        const collectors = await proveCollectorsOnce({ set });
        console.log(collectors.line);
        summary.collector_passes = collectors.passes;
        const restart = await proveRestartKeepsAll({
          set,
          gitea,
          tasks: [
            ...concurrent.submitted,
            ...race.submitted,
            ...kills.submitted,
          ],
        });
        console.log(restart.line);
        summary.restarted_intact = 'yes';
      },
    );
  // Kubernetes delivery: two more replicas that apply the Application, namespace and claim to the
  // test cluster; the same-name race must leave one of each, all the winner's.
  if (only !== 'gitops')
    await withGoldenPathCluster(env, cluster =>
      withProductionStack(
        {
          env: { ...env, ...cluster.env },
          count: 2,
          launch,
          pg,
          configs: [KUBERNETES_DELIVERY_CONFIG],
        },
        async ({ set, gitea, runId }) => {
          const race = await proveNameRace({ set, gitea, runId, cluster });
          console.log(`kubernetes delivery: ${race.line}`);
          summary.kubernetes_races = race.races;
        },
      ),
    );
  summary.seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    Object.entries(summary)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
}

export default (env, args) => checkReplicas(env, { args });
