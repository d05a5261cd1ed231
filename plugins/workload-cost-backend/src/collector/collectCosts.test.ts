// The collector against a real API server: a namespace of this run whose cost is known by hand
// at the built-in sheet, a component found by label selector, an unallocated pod, a cluster that
// cannot be reached and one whose reader may not list volumes (its rows are marked incomplete).
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  chartClusterRules,
  describeKubernetes,
} from '@internal/kubernetes-testing';
import { CoreV1Api, CustomObjectsApi, V1Pod } from '@kubernetes/client-node';
import {
  readerCluster,
  UNREACHABLE_CLUSTER,
} from '../__testUtils__/readerCluster';
import { POSTGRESQL_OFFERING } from '../__testUtils__/offerings';
import {
  allocationResponse,
  startOpenCost,
} from '../__testUtils__/openCostServer';
import { readCostSettings } from '../settings';
import { CostStore } from '../store/CostStore';
import { collectCosts, PASS_DONE } from './collectCosts';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-23T10:20:00Z');
const HOUR = '2026-11-23T10:00:00Z';

describeKubernetes('workload cost collector', k8s => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  // The cluster is shared with other suites and earlier runs: names of this run only.
  const id = `orders-${Date.now().toString(36)}`;
  const app = `cart-${Date.now().toString(36)}`;
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders-api',
        annotations: { 'backstage.io/kubernetes-id': id },
      },
      spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'cart',
        annotations: {
          'backstage.io/kubernetes-label-selector': `app=${app},tier in (web,api)`,
          'backstage.io/kubernetes-namespace': k8s.namespace,
        },
      },
      spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'x' },
    },
  ];
  let store: CostStore;
  let config: ConfigReader;

  const pod = (
    name: string,
    labels: Record<string, string>,
    requests: Record<string, string>[],
    claimName?: string,
  ): V1Pod => ({
    metadata: { name, labels },
    spec: {
      containers: requests.map((r, i) => ({
        name: `c${i}`,
        image: 'registry.example/app:1',
        resources: Object.keys(r).length ? { requests: r } : undefined,
      })),
      ...(claimName
        ? {
            volumes: [
              { name: 'scratch', persistentVolumeClaim: { claimName } },
            ],
          }
        : {}),
    },
  });

  beforeAll(async () => {
    const core = k8s.kubeConfig.makeApiClient(CoreV1Api);
    const namespace = k8s.namespace;
    const createPod = (body: V1Pod) =>
      core.createNamespacedPod({ namespace, body });
    const small = { cpu: '500m', memory: '1Gi' };
    await createPod(
      pod('api-1', { 'backstage.io/kubernetes-id': id }, [small], 'scratch'),
    );
    await createPod(
      pod('api-2', { 'backstage.io/kubernetes-id': id }, [small]),
    );
    // A finished job still exists but holds nothing: not priced. No scheduler takes it, so KWOK
    // never runs it and the phase written here stays.
    const migrate = pod('migrate', { 'backstage.io/kubernetes-id': id }, [
      { cpu: '4' },
    ]);
    const done = await createPod({
      ...migrate,
      spec: { ...migrate.spec!, schedulerName: 'paved-test-unscheduled' },
    });
    await core.replaceNamespacedPodStatus({
      namespace,
      name: 'migrate',
      body: { ...done, status: { phase: 'Succeeded' } },
    });
    await createPod(
      pod('web-1', { app, tier: 'web' }, [{ cpu: '250m', memory: '512Mi' }]),
    );
    // No component selects it, and its sidecar has no requests.
    await createPod(pod('stray', {}, [{ cpu: '100m', memory: '128Mi' }, {}]));
    const pvc = (name: string, storage: string, labels = {}) =>
      core.createNamespacedPersistentVolumeClaim({
        namespace,
        body: {
          metadata: { name, labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage } },
          },
        },
      });
    await pvc('data', '10Gi', { 'backstage.io/kubernetes-id': id });
    // Unlabelled, but mounted by api-1: counted with it.
    await pvc('scratch', '5Gi');
    await k8s.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .createNamespacedCustomObject({
        group: 'platform.paved.dev',
        version: 'v1alpha1',
        plural: 'postgresqlinstances',
        namespace,
        body: {
          apiVersion: 'platform.paved.dev/v1alpha1',
          kind: 'PostgreSQLInstance',
          metadata: {
            name: `${id}-db`,
            labels: { 'backstage.io/kubernetes-id': id },
          },
          spec: {
            parameters: { storageGB: 40, tier: 'standard', multiAZ: false },
            compositionRef: { name: 'postgresqlinstance-aws' },
          },
        },
      });

    config = new ConfigReader({
      paved: { goldenPath: { offerings: { postgresql: POSTGRESQL_OFFERING } } },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              // Exactly what the Helm chart grants the portal (its default, gitops delivery).
              await readerCluster(k8s, 'paved-local', chartClusterRules()),
              // May list pods and claims but not volumes: fails part-way.
              await readerCluster(
                k8s,
                'no-volumes',
                chartClusterRules().map(rule =>
                  rule.apiGroups![0] === ''
                    ? { ...rule, resources: ['pods'] }
                    : rule,
                ),
              ),
              UNREACHABLE_CLUSTER,
            ],
          },
        ],
      },
    });
    const knex = await databases.init('SQLITE_3');
    store = await CostStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
  });

  const collect = () =>
    collectCosts({
      config,
      settings: readCostSettings(config),
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: NOW,
    });
  const ours = (cluster: string) =>
    store.samples.totals('component', {
      from: HOUR,
      to: '2026-11-24',
      currency: 'USD',
      clusters: [cluster],
      namespaces: [k8s.namespace],
    });

  it('prices the namespace as computed by hand, per component, unallocated kept', async () => {
    const outcomes = await collect();
    const local = outcomes.find(o => o.cluster === 'paved-local')!;
    expect(local).toMatchObject({
      hour: HOUR,
      method: 'requests',
      complete: true,
    });
    // The local control plane runs no metrics-server, and the pass says so.
    expect(local.notes.join()).toMatch(/does not serve metrics\.k8s\.io/);

    const rows = await ours('paved-local');
    expect(rows.map(r => [r.key, r.kind, r.incompleteSamples])).toEqual([
      ['', 'unallocated', 0],
      ['component:default/cart', 'component', 0],
      ['component:default/orders-api', 'component', 0],
    ]);
    const [unallocated, cart, orders] = rows;
    // 2 pods × (0.5 vCPU × 0.031611 + 1 GiB × 0.004237) = 0.040085 per hour.
    expect(orders.cpu + orders.memory).toBeCloseTo(0.040085, 12);
    // 15 GiB (data, and scratch mounted by api-1) × 0.00005479452.
    expect(orders.storage).toBeCloseTo(15 * 0.00005479452, 12);
    // db.t3.medium 0.072 + 40 GB × 0.115 / 730 h.
    expect(orders.databases).toBeCloseTo(0.072 + (40 * 0.115) / 730, 12);
    expect(orders.total).toBeCloseTo(0.11920828766, 10);
    // 0.25 × 0.031611 + 0.5 × 0.004237.
    expect(cart.total).toBeCloseTo(0.01002125, 12);
    // 0.1 × 0.031611 + 0.125 × 0.004237; the sidecar without requests counts nothing.
    expect(unallocated.total).toBeCloseTo(0.003690725, 12);

    const counted = await store.counted('component:default/orders-api');
    const here = counted.find(
      c => c.cluster === 'paved-local' && c.namespace === k8s.namespace,
    )!;
    expect(here.workloads.map(w => w.name).sort()).toEqual(['api-1', 'api-2']);
    expect(here.volumes.map(v => [v.name, v.capacityGiB]).sort()).toEqual([
      ['data', 10],
      ['scratch', 5],
    ]);
    expect(here.claims[0].lines[0]).toMatch(
      /^db\.t3\.medium \(standard\): 1 h × 0\.072 USD per instance-hour/,
    );
    const rest = (await store.counted('')).find(
      c => c.cluster === 'paved-local' && c.namespace === k8s.namespace,
    )!;
    expect(rest.workloads.map(w => w.name)).toEqual(['stray']);
    expect(rest.notCounted).toEqual([
      {
        what: 'Pod stray',
        reason: 'not counted: container c1 has no CPU request (pod stray)',
      },
      {
        what: 'Pod stray',
        reason: 'not counted: container c1 has no memory request (pod stray)',
      },
    ]);
  });

  it('marks the rows of a cluster that failed part-way incomplete, and records why', async () => {
    const outcomes = await collect();
    const partial = outcomes.find(o => o.cluster === 'no-volumes')!;
    expect(partial.complete).toBe(false);
    expect(partial.errors.join()).toMatch(/PersistentVolumeClaim/);
    const [orders] = (await ours('no-volumes')).filter(
      r => r.key === 'component:default/orders-api',
    );
    // Pods and the claim were read, the volumes not: a lower bound, flagged.
    expect(orders.storage).toBe(0);
    expect(orders.cpu + orders.memory).toBeCloseTo(0.040085, 12);
    expect(orders.incompleteSamples).toBe(1);

    const gone = outcomes.find(o => o.cluster === 'gone')!;
    expect(gone).toMatchObject({ complete: false, samples: 0 });
    expect(gone.errors.join()).toMatch(/gone[\s\S]*https:\/\/127\.0\.0\.1:1/);
    const passes = await store.passes({ from: HOUR, to: '2026-11-24' });
    expect(passes.map(p => [p.cluster, p.complete])).toEqual([
      ['gone', false],
      ['no-volumes', false],
      ['paved-local', true],
    ]);
    expect(passes[0].error).toMatch(/127\.0\.0\.1:1/);
  });

  it('takes OpenCost’s figures for the last closed hour where it runs, claims beside them', async () => {
    const window = { start: '2026-11-23T09:00:00Z', end: HOUR };
    const openCost = await startOpenCost(() => ({
      status: 200,
      body: allocationResponse(k8s.namespace, id, window),
    }));
    try {
      const [local] = config
        .getConfigArray('kubernetes.clusterLocatorMethods')[0]
        .get<object[]>('clusters');
      const withOpenCost = new ConfigReader({
        ...config.get<object>(),
        kubernetes: {
          clusterLocatorMethods: [{ type: 'config', clusters: [local] }],
        },
        workloadCost: { opencost: { 'paved-local': { url: openCost.url } } },
      });
      const [outcome] = await collectCosts({
        config: withOpenCost,
        settings: readCostSettings(withOpenCost),
        store,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        now: NOW,
      });
      expect(outcome).toMatchObject({
        hour: window.start,
        method: 'OpenCost',
        complete: true,
      });
      const rows = await store.samples.totals('namespace', {
        from: window.start,
        to: HOUR,
        currency: 'USD',
        clusters: ['paved-local'],
      });
      const byKey = (key: string, kind: string) =>
        rows.find(r => r.key === key && r.kind === kind)!;
      const orders = byKey(k8s.namespace, 'component');
      expect(orders.cpu).toBeCloseTo(0.031611, 12);
      // The claim is not OpenCost's to price: the offering sheet prices it beside.
      expect(orders.databases).toBeCloseTo(0.072 + (40 * 0.115) / 730, 12);
      expect(byKey('__idle__', 'idle').total).toBeCloseTo(0.25, 12);
    } finally {
      openCost.server.close();
    }
  });

  it('records the hour once when the pass is retried', async () => {
    const before = await ours('paved-local');
    await collect();
    expect(await ours('paved-local')).toEqual(before);
  });

  it('ends the pass with one line giving each cluster its hour, samples and state', async () => {
    const logger = mockServices.logger.mock();
    const outcomes = await collectCosts({
      config,
      settings: readCostSettings(config),
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
      now: NOW,
    });
    const lines = logger.info.mock.calls.map(([message]) => String(message));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${PASS_DONE} in \\d+\\.\\d s: `));
    for (const o of outcomes) {
      expect(lines[0]).toContain(
        `${o.cluster} ${o.hour} ${o.samples} samples (${o.method}, ${
          o.complete ? 'complete' : 'incomplete'
        }, ${o.saved})`,
      );
    }
    expect(lines[0]).toContain(', incomplete, ');
  });
});

describe('workload cost pass without clusters', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('says that no cluster is configured', async () => {
    const config = new ConfigReader({});
    const knex = await databases.init('SQLITE_3');
    const logger = mockServices.logger.mock();
    const outcomes = await collectCosts({
      config,
      settings: readCostSettings(config),
      store: await CostStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      ),
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      logger,
      now: NOW,
    });
    expect(outcomes).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Workload cost pass done in \d+\.\d s: no cluster in kubernetes\.clusterLocatorMethods$/,
      ),
    );
  });
});
