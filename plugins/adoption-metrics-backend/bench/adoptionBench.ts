// The adoption metrics at scale, with generated data: 10 000 services in 200 teams (10 parents),
// 100 000 production deploys over 90 days, 3 000 claims and 2 000 golden-path runs on SQLite; the
// dashboard's requests timed (p50/p95 of 30 runs each); then one Argo CD collector pass over 500
// Applications on a real API server. Run with `./paved bench adoption`; prints JSON.
import { ConfigReader } from '@backstage/config';
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CustomObjectsApi,
  CoreV1Api,
  KubeConfig,
} from '@kubernetes/client-node';
import knexFactory from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readerClusterConfig } from '../src/__testUtils__/readerCluster';
import { collectArgoHistory } from '../src/collectors/argoHistoryCollector';
import { readAdoptionSettings } from '../src/settings';
import { AdoptionStore } from '../src/store/AdoptionStore';
import { adoptionSummary, componentDelivery } from '../src/summary';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');
const GP = 'template:default/new-microservice';
let seed = 42;
const random = () =>
  (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
const iso = (t: number) => new Date(t).toISOString();
const databaseOf = (knex: knexFactory.Knex) =>
  ({ getClient: async () => knex } as unknown as DatabaseService);
const quietLogger: LoggerService = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => quietLogger,
};
const memoryMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function generate(store: AdoptionStore) {
  const parents = Array.from(
    { length: 10 },
    (_, i) => `group:default/division-${i}`,
  );
  const teams = Array.from(
    { length: 200 },
    (_, i) => `group:default/team-${i}`,
  );
  await store.groups.replace([
    ...parents.map(ref => ({ ref })),
    ...teams.map((ref, i) => ({ ref, parent: parents[i % 10] })),
  ]);
  const services = Array.from({ length: 10_000 }, (_, i) => ({
    name: `svc-${i}`,
    owner: teams[i % 200],
    golden: random() < 0.6,
    createdAt: iso(NOW - random() * 400 * DAY),
  }));
  await store.saveSnapshot(
    iso(NOW).slice(0, 10),
    services.map(s => ({
      entityRef: `component:default/${s.name}`,
      owner: s.owner,
      type: 'service',
      sourceTemplate: s.golden ? GP : undefined,
      createdAt: s.golden ? s.createdAt : undefined,
    })),
  );
  const deploys = Array.from({ length: 100_000 }, (_, i) => {
    const service = pick(services);
    const at = NOW - random() * 90 * DAY;
    const failed = random() < 0.08;
    return {
      cluster: 'bench',
      namespace: 'argocd',
      application: `${service.name}-production`,
      eventKey: `e${i}`,
      component: service.name,
      environment: 'production',
      outcome: (failed ? 'failed' : 'succeeded') as 'failed' | 'succeeded',
      revision: `r${Math.floor(random() * 1e9)}`,
      at: iso(at),
      commitTimes: [iso(at - random() * 3 * DAY)],
    };
  });
  await store.addDeploys(deploys);
  await store.claims.saveSeen({
    cluster: 'bench',
    kinds: ['PostgreSQLInstance'],
    now: iso(NOW),
    claims: Array.from({ length: 3_000 }, (_, i) => {
      const service = pick(services);
      return {
        cluster: 'bench',
        namespace: `${service.name}-production`,
        kind: 'PostgreSQLInstance',
        name: `${service.name}-db-${i}`,
        component: service.name,
        owner: service.owner,
        taskId: service.golden ? `t${i}` : undefined,
        createdAt: iso(NOW - random() * 180 * DAY),
      };
    }),
  });
  await store.templateRuns.save(
    services
      .filter(s => s.golden)
      .slice(0, 2_000)
      .map((s, i) => ({
        taskId: `run-${i}`,
        templateRef: GP,
        status: 'completed',
        createdAt: s.createdAt,
        finishedAt: s.createdAt,
        component: s.name,
      })),
  );
  return { services, parents, teams };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) =>
    ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return {
    p50: Math.round(at(50)),
    p95: Math.round(at(95)),
    max: Math.round(ms[ms.length - 1]),
  };
}

async function benchRequests() {
  const dir = mkdtempSync(join(tmpdir(), 'adoption-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'adoption.sqlite') },
    useNullAsDefault: true,
  });
  const store = await AdoptionStore.create(databaseOf(knex));
  const generateStart = performance.now();
  const { services, parents, teams } = await generate(store);
  const generated = {
    seconds: Math.round((performance.now() - generateStart) / 100) / 10,
    rssMiB: memoryMiB(),
  };
  const settings = readAdoptionSettings(new ConfigReader({}));
  const now = new Date(NOW);
  const timeZone = 'Europe/Berlin';
  const requests = {
    'summary, all teams, 28 days': () =>
      adoptionSummary(store, settings, { days: 28, timeZone, now }),
    'summary, all teams, 90 days': () =>
      adoptionSummary(store, settings, { days: 90, timeZone, now }),
    'summary, a division (20 teams), 90 days': () =>
      adoptionSummary(store, settings, {
        days: 90,
        timeZone,
        now,
        owner: pick(parents),
      }),
    'summary, one team, quarter': () =>
      adoptionSummary(store, settings, {
        quarter: '2026-Q4',
        timeZone,
        now,
        owner: pick(teams),
      }),
    'entity card, one service, 90 days': () =>
      componentDelivery(store, settings, {
        days: 90,
        timeZone,
        now,
        entityRef: `component:default/${pick(services).name}`,
      }),
  };
  const results: Record<string, unknown> = {};
  console.error(
    `generated in ${generated.seconds} s, RSS ${generated.rssMiB} MiB`,
  );
  for (const [name, fn] of Object.entries(requests)) {
    results[name] = await time(Number(process.env.BENCH_RUNS ?? 20), fn);
    console.error(`${name}: ${JSON.stringify(results[name])}`);
  }
  await knex.destroy();
  return { generated, requests: results, rssMiBAfter: memoryMiB() };
}

async function benchCollector(kubeconfig: string) {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfig);
  const namespace = `adoption-bench-${Date.now().toString(36)}`;
  await kubeConfig
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: namespace } } });
  const objects = kubeConfig.makeApiClient(CustomObjectsApi);
  const group = {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
    namespace,
  };
  for (let i = 0; i < 500; i++) {
    const name = `svc-${i}-production`;
    const created: any = await objects.createNamespacedCustomObject({
      ...group,
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name,
          labels: {
            'backstage.io/kubernetes-id': `svc-${i}`,
            'paved.dev/environment': 'production',
          },
        },
        spec: {
          project: 'default',
          source: {
            repoURL: 'https://git.example/x.git',
            path: 'k8s',
            targetRevision: 'main',
          },
          destination: { name: 'in-cluster', namespace: `svc-${i}-production` },
        },
      },
    });
    // Argo CD's CRD has no status subresource: status is written with the object.
    await objects.replaceNamespacedCustomObject({
      ...group,
      name,
      body: {
        ...created,
        status: {
          history: Array.from({ length: 10 }, (_, h) => ({
            id: h,
            revision: `rev-${i}-${h}`,
            deployedAt: iso(NOW - (10 - h) * DAY),
          })),
        },
      },
    });
  }
  const config = await readerClusterConfig({ kubeConfig, namespace }, [
    {
      apiGroups: ['argoproj.io'],
      resources: ['applications'],
      verbs: ['list'],
    },
  ]);
  // Only the reachable cluster: the reader config also lists an unreachable one for the tests.
  const kubernetes = config.get('kubernetes') as {
    clusterLocatorMethods: { type: string; clusters: { name: string }[] }[];
  };
  const [method] = kubernetes.clusterLocatorMethods;
  const reachable = new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        { ...method, clusters: method.clusters.filter(c => c.name !== 'gone') },
      ],
    },
  });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await AdoptionStore.create(databaseOf(knex));
  const logger = quietLogger;
  const pass = async () => {
    const start = performance.now();
    const { added, errors } = await collectArgoHistory({
      config: reachable,
      store,
      logger,
    });
    return {
      seconds: Math.round((performance.now() - start) / 10) / 100,
      added,
      errors: errors.length,
    };
  };
  const first = await pass();
  const second = await pass(); // nothing new: the steady state every few minutes
  await knex.destroy();
  return {
    applications: 500,
    historyEntriesEach: 10,
    firstPass: first,
    repeatPass: second,
    rssMiB: memoryMiB(),
  };
}

async function main() {
  const requests = await benchRequests();
  console.log(JSON.stringify({ requests }, null, 2));
  const kubeconfig = process.env.KUBECONFIG;
  if (!kubeconfig)
    throw new Error(
      'KUBECONFIG is not set: the collector pass needs an API server',
    );
  console.log(
    JSON.stringify({ collector: await benchCollector(kubeconfig) }, null, 2),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
