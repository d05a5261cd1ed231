import { parse } from 'yaml';
import { actionContext } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createArgoApplicationAction } from './argocdApplication';
import { createPreflightAction } from './preflight';
import { examples } from './preflight.examples';

const request = {
  name: 'orders-api',
  owner: 'group:default/checkout',
  environment: 'dev',
  database: {
    enabled: true,
    offering: 'postgresql',
    tier: 'standard',
    storageGB: 20,
  },
};

describe('golden-path:preflight', () => {
  it('fixes the shared values of the task', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext(request);
    await createPreflightAction(services).handler(ctx);
    expect(outputs).toEqual({
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      namespace: 'orders-api-dev',
      applicationName: 'orders-api-dev',
      claimRef: 'PostgreSQLInstance/orders-api-dev/orders-api-db',
      connectionSecret: 'orders-api-db-connection',
      repositoryUrl: repositories.urls({
        owner: 'checkout',
        name: 'orders-api',
      }).cloneUrl,
      taskId: 'task-1',
    });
  });

  it('keeps the creation time of the first attempt when the task is retried', async () => {
    const { services } = testServices();
    const first = actionContext(request);
    await createPreflightAction(services).handler(first.ctx);
    await new Promise(r => setTimeout(r, 5));
    const retry = actionContext(request, { checkpoints: first.checkpoints });
    await createPreflightAction(services).handler(retry.ctx);
    expect(retry.outputs.createdAt).toBe(first.outputs.createdAt);
  });

  it.each([
    [{ name: 'Orders_API' }, /name: use 4 to 30 characters/],
    [
      { owner: 'group:default/nobody' },
      /Owner "group:default\/nobody" is not a team in the catalog/,
    ],
    [
      { owner: 'component:default/orders-service' },
      /owner: send the owning team as group:default\/<team>/,
    ],
    [
      { name: 'orders-service' },
      /A component named orders-service already exists in the catalog \(owned by group:default\/checkout\): choose another service name/,
    ],
    [{ environment: 'qa' }, /Unknown environment "qa"/],
    [
      { database: { ...request.database, storageGB: 80 } },
      /storage 80 GB exceeds the 50 GB limit of tier standard/,
    ],
    [
      { database: { ...request.database, tier: 'gold' } },
      /tier "gold" is not offered/,
    ],
    [
      { database: { ...request.database, region: 'mars-1' } },
      /region "mars-1" is not offered/,
    ],
    [
      { database: { ...request.database, multiAZ: true } },
      /multiAZ needs approval/,
    ],
    [
      { database: { ...request.database, tier: 'large' } },
      /tier large needs approval/,
    ],
  ])('rejects %j before anything is created', async (change, message) => {
    const { services, repositories } = testServices();
    await expect(
      createPreflightAction(services).handler(
        actionContext({ ...request, ...change }).ctx,
      ),
    ).rejects.toThrow(message);
    expect(repositories.list()).toEqual([]);
  });

  it('catches a repository name that is already taken', async () => {
    const { services, repositories } = testServices();
    await repositories.create({
      owner: 'checkout',
      name: 'orders-api',
      description: '',
      claim: 'someone-else',
    });
    await expect(
      createPreflightAction(services).handler(actionContext(request).ctx),
    ).rejects.toThrow(
      /A repository named checkout\/orders-api already exists on the test git host/,
    );
  });

  it('catches an application name another task holds in the GitOps repository', async () => {
    const { services } = testServices();
    await createArgoApplicationAction(services).handler(
      actionContext(
        { ...request, repoUrl: 'https://git.example/x.git' },
        { taskId: 'other' },
      ).ctx,
    );
    await expect(
      createPreflightAction(services).handler(actionContext(request).ctx),
    ).rejects.toThrow(
      /apps\/dev\/orders-api.yaml already exists in the GitOps repository/,
    );
  });

  it('checks an existing service when only infrastructure is added', async () => {
    const { services } = testServices();
    const { ctx, outputs } = actionContext({
      ...request,
      name: 'orders-service',
      newRepository: false,
    });
    await createPreflightAction(services).handler(ctx);
    expect(outputs.claimRef).toBe(
      'PostgreSQLInstance/orders-service-dev/orders-service-db',
    );
    await expect(
      createPreflightAction(services).handler(
        actionContext({ ...request, newRepository: false }).ctx,
      ),
    ).rejects.toThrow(
      'There is no component named orders-api in the catalog: pick an existing service.',
    );
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_, example) => {
      const { services } = testServices();
      const { ctx, outputs } = actionContext(
        parse(example.example).steps[0].input,
      );
      await createPreflightAction(services).handler(ctx);
      expect(outputs.namespace).toBe('orders-api-dev');
    },
  );
});
