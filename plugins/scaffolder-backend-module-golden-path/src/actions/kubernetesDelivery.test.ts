// The Argo CD application and claim actions in kubernetes mode, against a real API server with the
// Argo CD and Crossplane CRDs (the repository's local control plane, see packages/kubernetes-testing).
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { describeKubernetes } from '@internal/kubernetes-testing';
import { actionContext } from '../__testUtils__/actionContext';
import { serviceAccountWithChartRules } from '../__testUtils__/chartRbac';
import { testServices } from '../__testUtils__/testServices';
import { createManifestApplier } from '@internal/plugin-kubernetes-access-node';
import { createArgoApplicationAction } from './argocdApplication';
import { createCrossplaneClaimAction } from './crossplaneClaim';

jest.setTimeout(60_000);

describeKubernetes('golden path in kubernetes mode', k8s => {
  // Namespaces never go away on the local control plane: a service name of its own per run.
  const name = `svc-${Date.now().toString(36)}`;
  const serviceNamespace = `${name}-dev`;
  const service = { name, owner: 'group:default/checkout', environment: 'dev' };
  const database = {
    enabled: true,
    offering: 'postgresql',
    tier: 'standard',
    storageGB: 20,
    region: 'eu-west-1',
  };
  let services: ReturnType<typeof testServices>['services'];
  let applier: ReturnType<typeof createManifestApplier>;

  /** The manifest applier of a cluster reached with the given service-account token. */
  function applierWith(token: string) {
    const cluster = k8s.kubeConfig.getCurrentCluster()!;
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'paved-local',
                url: cluster.server,
                authProvider: 'serviceAccount',
                serviceAccountToken: token,
                ...(cluster.caData ? { caData: cluster.caData } : {}),
                ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
                skipTLSVerify: cluster.skipTLSVerify,
              },
            ],
          },
        ],
      },
    });
    return createManifestApplier({
      config,
      logger: mockServices.logger.mock(),
    });
  }

  beforeAll(async () => {
    // The golden path writes with a service-account token holding exactly the Helm chart's
    // rules (kubernetes delivery), not cluster-admin: a verb the chart lacks fails here.
    const token = await serviceAccountWithChartRules(k8s, 'golden-path');
    applier = applierWith(token);
    services = testServices({
      overrides: {
        delivery: { mode: 'kubernetes' },
        argocd: { namespace: k8s.namespace, project: 'default' },
      },
      applier,
    }).services;
  });

  const objects = () => k8s.kubeConfig.makeApiClient(CustomObjectsApi);
  const getApplication = () =>
    objects().getNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'applications',
      namespace: k8s.namespace,
      name: `${name}-dev`,
    });
  const getClaim = () =>
    objects().getNamespacedCustomObject({
      group: 'platform.paved.dev',
      version: 'v1alpha1',
      plural: 'postgresqlinstances',
      namespace: serviceNamespace,
      name: `${name}-db`,
    });

  it('shows the Application in a dry run and creates nothing', async () => {
    const { ctx, outputs } = actionContext(
      { ...service, repoUrl: 'https://git.example/checkout/x.git' },
      { dryRun: true },
    );
    await createArgoApplicationAction(services).handler(ctx);
    expect(outputs.action).toBe('created');
    await expect(getApplication()).rejects.toMatchObject({ code: 404 });
  });

  it('applies the Application with server-side apply, and a second run changes nothing', async () => {
    const input = {
      ...service,
      repoUrl: `https://git.example/checkout/${name}.git`,
    };
    const first = actionContext(input, { taskId: 'task-k8s' });
    await createArgoApplicationAction(services).handler(first.ctx);
    const app = (await getApplication()) as any;
    expect(first.outputs).toMatchObject({
      action: 'created',
      location: `paved-local/${k8s.namespace}/Application/${name}-dev`,
    });
    expect(app.spec).toEqual({
      project: 'default',
      source: { repoURL: input.repoUrl, path: 'k8s', targetRevision: 'main' },
      destination: { name: 'paved-local', namespace: serviceNamespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true'],
        managedNamespaceMetadata: {
          labels: {
            'app.kubernetes.io/part-of': service.name,
            'backstage.io/kubernetes-id': service.name,
            'paved.dev/environment': 'dev',
          },
        },
      },
    });

    const retry = actionContext(input, { taskId: 'task-k8s' });
    await createArgoApplicationAction(services).handler(retry.ctx);
    expect(retry.outputs.action).toBe('unchanged');
    expect(((await getApplication()) as any).metadata.resourceVersion).toBe(
      app.metadata.resourceVersion,
    );
  });

  it('refuses an Application another task made', async () => {
    const { ctx } = actionContext(
      { ...service, repoUrl: 'https://git.example/checkout/other.git' },
      { taskId: 'another-task' },
    );
    await expect(
      createArgoApplicationAction(services).handler(ctx),
    ).rejects.toThrow(
      new RegExp(
        `Application ${k8s.namespace}/${name}-dev already exists on cluster paved-local, made by another task`,
      ),
    );
  });

  it('lets exactly one of two same-name tasks racing for an Application have it', async () => {
    const race = { ...service, name: `${name}-r` };
    const attempt = (taskId: string) =>
      createArgoApplicationAction(services).handler(
        actionContext(
          { ...race, repoUrl: `https://git.example/checkout/${taskId}.git` },
          { taskId },
        ).ctx,
      );
    const results = await Promise.allSettled([
      attempt('race-a'),
      attempt('race-b'),
    ]);
    const won = results.filter(r => r.status === 'fulfilled');
    const lost = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String(lost[0].reason)).toMatch(
      new RegExp(
        `Application ${k8s.namespace}/${race.name}-dev (already exists on cluster paved-local, made by another task|already exists on cluster 'paved-local' and belongs to another task)`,
      ),
    );
    const app = (await k8s.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace: k8s.namespace,
        plural: 'applications',
        name: `${race.name}-dev`,
      })) as any;
    const winner = results[0].status === 'fulfilled' ? 'race-a' : 'race-b';
    expect(app.metadata.annotations['paved.dev/scaffolder-task']).toBe(winner);
    expect(app.spec.source.repoURL).toBe(
      `https://git.example/checkout/${winner}.git`,
    );
  });

  it("creates the service's namespace and the claim, which the API server validates against the XRD", async () => {
    const first = actionContext(
      { ...service, database },
      { taskId: 'task-k8s' },
    );
    await createCrossplaneClaimAction(services).handler(first.ctx);
    const claim = (await getClaim()) as any;
    expect(claim.spec).toMatchObject({
      parameters: { storageGB: 20, tier: 'standard', region: 'eu-west-1' },
      compositionSelector: { matchLabels: { provider: 'aws' } },
      writeConnectionSecretToRef: { name: `${name}-db-connection` },
    });
    expect(first.outputs.claimRef).toBe(
      `PostgreSQLInstance/${serviceNamespace}/${name}-db`,
    );

    const retry = actionContext(
      { ...service, database },
      { taskId: 'task-k8s' },
    );
    await createCrossplaneClaimAction(services).handler(retry.ctx);
    expect(((await getClaim()) as any).metadata.resourceVersion).toBe(
      claim.metadata.resourceVersion,
    );
  });

  it('reports a claim the XRD schema refuses with the field and the limit', async () => {
    const manifest = {
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: { name: 'too-big', namespace: k8s.namespace },
      spec: { parameters: { storageGB: 900, tier: 'standard' } },
    };
    await expect(
      applier.apply({ cluster: 'paved-local', manifest }),
    ).rejects.toThrow(
      /paved-local[\s\S]*spec\.parameters\.storageGB[\s\S]*500/,
    );
  });

  it('says which resource type the cluster lacks and what to install', async () => {
    const manifest = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: k8s.namespace },
    };
    await expect(
      applier.apply({ cluster: 'paved-local', manifest }),
    ).rejects.toThrow(/paved-local[\s\S]*Widget[\s\S]*install/i);
  });
  it("names the verb, the resource, the namespace and the role when the chart's rules lack one verb", async () => {
    const token = await serviceAccountWithChartRules(
      k8s,
      'golden-path-no-claim-create',
      { resource: 'postgresqlinstances', verb: 'create' },
    );
    const limited = testServices({
      overrides: {
        delivery: { mode: 'kubernetes' },
        argocd: { namespace: k8s.namespace, project: 'default' },
      },
      applier: applierWith(token),
    }).services;
    const other = { ...service, name: `${name}-nc` };
    const run = actionContext(
      { ...other, database },
      { taskId: 'task-no-create' },
    );
    const refused = createCrossplaneClaimAction(limited).handler(run.ctx);
    await expect(refused).rejects.toThrow(
      `may not create postgresqlinstances.platform.paved.dev in namespace ${other.name}-dev`,
    );
    await expect(refused).rejects.toThrow(
      /add `create` on postgresqlinstances \(API group platform\.paved\.dev\)[\s\S]*charts\/paved\/rbac-rules\.json/,
    );
  });
});
