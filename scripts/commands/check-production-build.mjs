// `./paved check production-build`: the backend as the image runs it. Repeats
// packages/backend/Dockerfile in an empty folder (scripts/lib/productionBuild.mjs), starts the
// backend from there with app-config.production.yaml plus the check's overlay against PostgreSQL
// and a real Gitea, and uses it as a person would: the built frontend, the catalog, one golden-path
// task (repository, Application, claim and entity counted where they live), the adoption and the
// cost routes. `--from-source` runs the backend from source instead (to debug the check itself).
import { backendLauncher } from '../lib/productionBuild.mjs';
import {
  completeServiceProblems,
  inventory,
} from '../lib/replicas/inventory.mjs';
import { withProductionStack } from '../lib/replicas/productionStack.mjs';

const CATALOG_TIMEOUT_MS = 180_000;

/** Waits (bounded) until the catalog on PostgreSQL has the example organisation and both templates. */
async function expectCatalog(api) {
  const count = async kind =>
    (
      await api.call(
        'GET',
        `/api/catalog/entities/by-query?filter=kind=${kind}&limit=500`,
      )
    ).items.length;
  const deadline = Date.now() + CATALOG_TIMEOUT_MS;
  for (;;) {
    const counts = {
      component: await count('component'),
      group: await count('group'),
      template: await count('template'),
    };
    if (counts.component >= 10 && counts.group >= 5 && counts.template >= 2)
      return counts;
    if (Date.now() > deadline)
      throw new Error(
        `the catalog on PostgreSQL had ${JSON.stringify(counts)} after ${
          CATALOG_TIMEOUT_MS / 1000
        } s: the example organisation and both templates were expected`,
      );
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

async function expectGoldenPath(api, gitea, name) {
  const { id } = await api.submitGoldenPath(name);
  const started = Date.now();
  await api.waitForTask(id, 180_000);
  const seconds = (Date.now() - started) / 1000;
  const found = await inventory({ gitea, api, names: [name] });
  const problems = completeServiceProblems(name, found[name], id);
  if (problems.length)
    throw new Error(
      `golden path on the production build: ${problems.join('; ')}`,
    );
  return seconds;
}

async function expectAdoptionAndCosts(api) {
  const summary = await api.call(
    'GET',
    '/api/adoption-metrics/summary?days=30',
  );
  const sources = await api.call('GET', '/api/adoption-metrics/sources');
  const teams = await api.call('GET', '/api/workload-cost/teams');
  const price = await api.call(
    'GET',
    '/api/workload-cost/price?offering=postgresql&tier=standard&storageGB=20',
  );
  if (typeof summary !== 'object' || !Array.isArray(sources.items))
    throw new Error(
      `the adoption routes answered ${JSON.stringify({
        summary,
        sources,
      }).slice(0, 300)}`,
    );
  if (!(price.total > 0))
    throw new Error(
      `the cost route priced a standard 20 GB database at ${JSON.stringify(
        price,
      )}`,
    );
  return { sources: sources.items.length, teams, price };
}

/** `pg` and `build` are shared with the other checks of `./paved test`; made here when absent. */
export async function checkProductionBuild(env, { pg, build, args = [] } = {}) {
  const launch = await backendLauncher(env, { args, build });
  await withProductionStack(
    { env, count: 1, launch, pg },
    async ({ set, gitea, runId }) => {
      const [backend] = set.replicas;
      const html = await (await fetch(`${backend.baseUrl}/`)).text();
      if (!html.includes('<title>Paved'))
        throw new Error(
          'the production build does not serve the Paved frontend at /',
        );
      const counts = await expectCatalog(backend.api);
      const seconds = await expectGoldenPath(
        backend.api,
        gitea,
        `prod-${runId}`,
      );
      const routes = await expectAdoptionAndCosts(backend.api);
      console.log(
        `Production build on PostgreSQL and Gitea: frontend served, catalog ${JSON.stringify(
          counts,
        )}, golden path completed in ${seconds.toFixed(
          1,
        )} s (1 repository, Application, claim, entity), adoption sources ${
          routes.sources
        }, standard 20 GB database priced ${routes.price.total.toFixed(2)} ${
          routes.price.currency
        } a month`,
      );
    },
  );
}

export default (env, args) => checkProductionBuild(env, { args });
