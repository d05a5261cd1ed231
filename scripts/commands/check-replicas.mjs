// `./paved check replicas`: two Paved backends from the production build on one PostgreSQL, with
// the test Gitea as the SCM and one GitOps repository, proving through the real HTTP routes that
// replicas share the work without doing it twice (issue 13, item 4). One line per proof, then a
// summary line. `--from-source` runs the backends from source instead (faster while developing
// the check).
import { backendLauncher } from '../lib/productionBuild.mjs';
import { proveConcurrentTasks } from '../lib/replicas/proveConcurrentTasks.mjs';
import { proveNameRace } from '../lib/replicas/proveNameRace.mjs';
import { proveCollectorsOnce } from '../lib/replicas/proveCollectorsOnce.mjs';
import { proveRestartKeepsAll } from '../lib/replicas/proveRestartKeepsAll.mjs';
import { withProductionStack } from '../lib/replicas/productionStack.mjs';

/** `pg` and `build` are shared with the other checks of `./paved test`; made here when absent. */
export async function checkReplicas(env, { args = [], pg, build } = {}) {
  const started = Date.now();
  const launch = await backendLauncher(env, { args, build });
  const summary = { replicas: 2 };
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
      const collectors = await proveCollectorsOnce({ set });
      console.log(collectors.line);
      summary.collector_passes = collectors.passes;
      const restart = await proveRestartKeepsAll({
        set,
        gitea,
        tasks: [...concurrent.submitted, ...race.submitted],
      });
      console.log(restart.line);
      summary.restarted_intact = 'yes';
    },
  );
  summary.seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    Object.entries(summary)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
}

export default (env, args) => checkReplicas(env, { args });
