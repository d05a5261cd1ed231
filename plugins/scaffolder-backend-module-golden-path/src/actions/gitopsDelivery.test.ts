// The Argo CD application and claim actions in gitops mode, against real git.
import { parse } from 'yaml';
import { actionContext } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createArgoApplicationAction } from './argocdApplication';
import { createCrossplaneClaimAction } from './crossplaneClaim';
import { examples as argoExamples } from './argocdApplication.examples';
import { examples as claimExamples } from './crossplaneClaim.examples';

const gitopsRepo = { owner: 'platform', name: 'gitops' };
const service = {
  name: 'orders-api',
  owner: 'group:default/checkout',
  environment: 'dev',
};
const database = {
  enabled: true,
  offering: 'postgresql',
  tier: 'standard',
  storageGB: 20,
  region: 'eu-west-1',
};

describe('golden-path:argocd:application (gitops mode)', () => {
  const appInput = {
    ...service,
    repoUrl: 'https://git.example/checkout/orders-api.git',
  };

  it('commits the Application to apps/<env>/<name>.yaml of a new app-of-apps GitOps repository', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext(appInput);
    await createArgoApplicationAction(services).handler(ctx);

    const files = repositories.files(gitopsRepo);
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'apps/dev/orders-api.yaml',
      'bootstrap/dev.yaml',
      'bootstrap/production.yaml',
      'bootstrap/staging.yaml',
    ]);
    const app = parse(files['apps/dev/orders-api.yaml']);
    expect(app).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'orders-api-dev', namespace: 'argocd' },
      spec: {
        project: 'default',
        source: {
          repoURL: appInput.repoUrl,
          path: 'k8s',
          targetRevision: 'main',
        },
        destination: { name: 'paved-local', namespace: 'orders-api-dev' },
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
    });
    expect(parse(files['bootstrap/dev.yaml']).spec.source).toMatchObject({
      path: 'apps/dev',
      directory: { recurse: true },
    });
    expect(outputs).toMatchObject({
      applicationName: 'orders-api-dev',
      namespace: 'orders-api-dev',
      location: 'apps/dev/orders-api.yaml',
      action: 'created',
      url: 'https://git.example/platform/gitops/blob/main/apps/dev/orders-api.yaml',
    });
  });

  it('syncs production by hand (no automated policy)', async () => {
    const { services, repositories } = testServices();
    await createArgoApplicationAction(services).handler(
      actionContext({ ...appInput, environment: 'production' }).ctx,
    );
    const app = parse(
      repositories.files(gitopsRepo)['apps/production/orders-api.yaml'],
    );
    expect(app.spec.syncPolicy.automated).toBeUndefined();
  });

  it('changes nothing when the task is retried', async () => {
    const { services, repositories } = testServices();
    const action = createArgoApplicationAction(services);
    await action.handler(actionContext(appInput, { taskId: 't1' }).ctx);
    const commits = repositories.commitCount(gitopsRepo);
    const retry = actionContext(appInput, { taskId: 't1' });
    await action.handler(retry.ctx);
    expect(repositories.commitCount(gitopsRepo)).toBe(commits);
    expect(retry.outputs.action).toBe('unchanged');
  });

  it('refuses an application name another task holds', async () => {
    const { services } = testServices();
    const action = createArgoApplicationAction(services);
    await action.handler(actionContext(appInput, { taskId: 't1' }).ctx);
    await expect(
      action.handler(actionContext(appInput, { taskId: 't2' }).ctx),
    ).rejects.toThrow(
      /apps\/dev\/orders-api.yaml already exists in the GitOps repository .*choose another service name/,
    );
  });

  it('shows the manifest in a dry run and changes nothing', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext(appInput, { dryRun: true });
    await createArgoApplicationAction(services).handler(ctx);
    expect(repositories.list()).toEqual([]);
    expect(parse(outputs.manifest as string).metadata.name).toBe(
      'orders-api-dev',
    );
  });

  it('rejects an environment that is not configured', async () => {
    const { services } = testServices();
    await expect(
      createArgoApplicationAction(services).handler(
        actionContext({ ...appInput, environment: 'qa' }).ctx,
      ),
    ).rejects.toThrow(
      'Unknown environment "qa": choose dev, staging, production',
    );
  });

  it.each(argoExamples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_, example) => {
      const { services, repositories } = testServices();
      await createArgoApplicationAction(services).handler(
        actionContext(parse(example.example).steps[0].input).ctx,
      );
      expect(Object.keys(repositories.files(gitopsRepo))).toContain(
        'apps/dev/orders-api.yaml',
      );
    },
  );
});

describe('golden-path:crossplane:claim (gitops mode)', () => {
  it("commits the namespace and the claim, with the connection secret in the service's namespace", async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext({ ...service, database });
    await createCrossplaneClaimAction(services).handler(ctx);

    const files = repositories.files(gitopsRepo);
    const claim = parse(
      files['apps/dev/orders-api/postgresqlinstance-orders-api-db.yaml'],
    );
    expect(claim).toEqual({
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: expect.objectContaining({
        name: 'orders-api-db',
        namespace: 'orders-api-dev',
      }),
      spec: {
        parameters: { storageGB: 20, tier: 'standard', region: 'eu-west-1' },
        compositionSelector: { matchLabels: { provider: 'aws' } },
        writeConnectionSecretToRef: { name: 'orders-api-db-connection' },
      },
    });
    expect(
      parse(files['apps/dev/orders-api/namespace-orders-api-dev.yaml']).kind,
    ).toBe('Namespace');
    expect(outputs).toMatchObject({
      claimRef: 'PostgreSQLInstance/orders-api-dev/orders-api-db',
      connectionSecret: 'orders-api-db-connection',
    });
  });

  it('fails over the storage cap before writing anything', async () => {
    const { services, repositories } = testServices();
    await expect(
      createCrossplaneClaimAction(services).handler(
        actionContext({ ...service, database: { ...database, storageGB: 80 } })
          .ctx,
      ),
    ).rejects.toThrow(/storage 80 GB exceeds the 50 GB limit of tier standard/);
    expect(repositories.list()).toEqual([]);
  });

  it('creates nothing when no database was asked for', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext({
      ...service,
      database: { enabled: false },
    });
    await createCrossplaneClaimAction(services).handler(ctx);
    expect(repositories.list()).toEqual([]);
    expect(outputs.claimRef).toBe('');
  });

  it.each(claimExamples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_, example) => {
      const { services, repositories } = testServices();
      await createCrossplaneClaimAction(services).handler(
        actionContext(parse(example.example).steps[0].input).ctx,
      );
      expect(Object.keys(repositories.files(gitopsRepo))).toContain(
        'apps/dev/orders-api/postgresqlinstance-orders-api-db.yaml',
      );
    },
  );
});
