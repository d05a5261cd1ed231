// Workload costs at scale, with generated data. (1) One collector pass over 50 000 pods of 10 000
// components (plus 5 000 volumes and 2 000 claims): matching, pricing, grouping and storing, with
// the pods handed over as the API server would list them. (2) Listing pods from a real API server,
// for the part (1) leaves out. (3) The card's and the Costs page's requests at 10 000 components
// over 30 days of samples: p50/p95 of 20 runs. Run with `./paved bench costs`; prints JSON.
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { readClusters } from '@internal/plugin-kubernetes-access-node';
import {
  CoreV1Api,
  KubeConfig,
  V1PersistentVolumeClaim,
  V1Pod,
} from '@kubernetes/client-node';
import knexFactory from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  COST_READER_RULES,
  readerCluster,
} from '../src/__testUtils__/readerCluster';
import { readClusterInventory } from '../src/collector/clusterInventory';
import { ComponentMatcher } from '../src/collector/componentMatcher';
import { CostGroups } from '../src/collector/costGroups';
import { addClaims, addWorkloads } from '../src/collector/estimate';
import { costSummary } from '../src/service/costSummary';
import { teamCosts } from '../src/service/teamCosts';
import { readCostSettings } from '../src/settings';
import { CostStore } from '../src/store/CostStore';

const NOW = new Date('2026-11-23T12:30:00Z');
const COMPONENTS = 10_000;
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const seconds = (start: number) =>
  Math.round((performance.now() - start) / 10) / 100;
const databaseOf = (knex: knexFactory.Knex) =>
  ({ getClient: async () => knex } as unknown as DatabaseService);

const entities: Entity[] = Array.from({ length: COMPONENTS }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': `svc-${i}` },
  },
  spec: {
    type: 'service',
    owner: `group:default/team-${i % 200}`,
    lifecycle: 'production',
  },
}));

const pod = (i: number): V1Pod => ({
  metadata: {
    name: `svc-${i % COMPONENTS}-${i}`,
    namespace: `ns-${i % 2000}`,
    // One pod in twenty belongs to no component: it must land in unallocated.
    labels:
      i % 20 === 0
        ? { app: 'batch' }
        : { 'backstage.io/kubernetes-id': `svc-${i % COMPONENTS}` },
  },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'registry.example/app:1',
        resources: { requests: { cpu: '250m', memory: '512Mi' } },
      },
      {
        name: 'proxy',
        image: 'registry.example/proxy:1',
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
      },
    ],
    volumes:
      i % 10 === 0
        ? [{ name: 'data', persistentVolumeClaim: { claimName: `data-${i}` } }]
        : [],
  },
  status: { phase: 'Running' },
});

async function collectorPass(store: CostStore) {
  const settings = readCostSettings(new ConfigReader({}));
  const start = performance.now();
  const matcher = ComponentMatcher.fromEntities(entities);
  const inventory = {
    pods: Array.from({ length: 50_000 }, (_, i) => pod(i)),
    volumes: Array.from(
      { length: 5_000 },
      (_, i): V1PersistentVolumeClaim => ({
        metadata: {
          name: `data-${i * 10}`,
          namespace: `ns-${(i * 10) % 2000}`,
        },
        status: { capacity: { storage: '20Gi' } },
      }),
    ),
    claims: [],
    notes: [],
    errors: [],
  };
  const groups = new CostGroups(
    'bench',
    '2026-11-23T12:00:00Z',
    settings.prices.currency,
  );
  addWorkloads(groups, inventory, matcher, settings.prices);
  addClaims(groups, inventory, matcher);
  const samples = groups.samples('requests', true);
  const priced = seconds(start);
  await store.saveClusterHour({
    pass: {
      hour: '2026-11-23T12:00:00Z',
      cluster: 'bench',
      method: 'requests',
      complete: true,
      attemptedAt: NOW.toISOString(),
    },
    samples,
    counted: groups.counted(true),
  });
  return {
    pods: 50_000,
    volumes: 5_000,
    samples: samples.length,
    pricedSeconds: priced,
    totalSeconds: seconds(start),
    rssMiB: rssMiB(),
  };
}

async function seedHistory(store: CostStore) {
  const start = performance.now();
  // One pass a day at noon for 30 days (the 30-day chart's span), 10 000 components each.
  for (let day = 30; day >= 1; day--) {
    const hour = new Date(Date.UTC(2026, 10, 23 - day, 12))
      .toISOString()
      .replace('.000', '');
    await store.saveClusterHour({
      pass: {
        hour,
        cluster: 'history',
        method: 'requests',
        complete: true,
        attemptedAt: hour,
      },
      samples: entities.map((e, i) => ({
        hour,
        cluster: 'history',
        namespace: `ns-${i % 2000}`,
        component: `component:default/${e.metadata.name}`,
        owner: e.spec!.owner as string,
        kind: 'component' as const,
        currency: 'USD',
        cpu: 0.02,
        memory: 0.01,
        storage: 0.001,
        gpu: 0,
        databases: i % 5 === 0 ? 0.08 : 0,
        other: 0,
        total: 0.031 + (i % 5 === 0 ? 0.08 : 0),
        method: 'requests',
        complete: true,
      })),
      counted: [],
    });
  }
  return {
    samples: 30 * COMPONENTS,
    seconds: seconds(start),
    rssMiB: rssMiB(),
  };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) =>
    ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return { p50: Math.round(at(50)), p95: Math.round(at(95)) };
}

async function listFromApiServer(kubeconfig: string) {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfig);
  const namespace = `cost-bench-${Date.now().toString(36)}`;
  const core = kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const count = 2_000;
  const createStart = performance.now();
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        core.createNamespacedPod({
          namespace,
          body: {
            ...pod(i + j),
            metadata: { ...pod(i + j).metadata, namespace },
          },
        }),
      ),
    );
  }
  const created = seconds(createStart);
  const cluster = await readerCluster(
    { kubeConfig, namespace },
    'bench',
    COST_READER_RULES,
  );
  const [details] = readClusters(
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [{ type: 'config', clusters: [cluster] }],
      },
    } as any),
  );
  // Let the API server's RBAC cache catch up with the new binding.
  await new Promise(resolve => setTimeout(resolve, 2000));
  const start = performance.now();
  const inventory = await readClusterInventory(details, [], {
    workloads: true,
    timeoutMs: 60_000,
  });
  const listed = seconds(start);
  const pods = inventory.pods.filter(
    p => p.metadata?.namespace === namespace,
  ).length;
  return {
    podsCreated: count,
    createSeconds: created,
    podsListed: inventory.pods.length,
    ourPods: pods,
    listSeconds: listed,
    errors: inventory.errors,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cost-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'cost.sqlite') },
    useNullAsDefault: true,
  });
  const store = await CostStore.create(databaseOf(knex));
  const pass = await collectorPass(store);
  console.error(`collector pass: ${JSON.stringify(pass)}`);
  const history = await seedHistory(store);
  console.error(`history: ${JSON.stringify(history)}`);
  const card = await time(20, () =>
    costSummary(
      store,
      {
        currency: 'USD',
        components: [
          `component:default/svc-${Math.floor(Math.random() * COMPONENTS)}`,
        ],
      },
      NOW,
    ),
  );
  console.error(`card: ${JSON.stringify(card)}`);
  const page = await time(20, () => teamCosts(store, 'USD', '2026-11', NOW));
  console.error(`costs page: ${JSON.stringify(page)}`);
  const result: Record<string, unknown> = {
    collectorPass: pass,
    history,
    requests: { card, costsPage: page },
    rssMiB: rssMiB(),
  };
  if (process.env.KUBECONFIG)
    result.apiServerList = await listFromApiServer(process.env.KUBECONFIG);
  await knex.destroy();
  console.log(JSON.stringify(result, null, 2));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
