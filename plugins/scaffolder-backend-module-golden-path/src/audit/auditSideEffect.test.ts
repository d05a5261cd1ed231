// One golden-path run (gitops mode) as the auditor records it: every side effect, who asked, what
// it touched, the task and the result; no token anywhere in the records.
import { mockServices } from '@backstage/backend-test-utils';
import { actionContext, workspaceWith } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createArgoApplicationAction } from '../actions/argocdApplication';
import { createCatalogRegisterAction } from '../actions/catalogRegister';
import { createCrossplaneClaimAction } from '../actions/crossplaneClaim';
import { createRepositoryAction } from '../actions/repository';

const service = {
  name: 'orders-api',
  owner: 'group:default/checkout',
  environment: 'dev',
};
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api' },
  spec: { type: 'service', owner: 'group:default/checkout' },
};

describe('golden-path audit events', () => {
  it('records each side effect of a run with who, what, the task and the result', async () => {
    const events: { options: any; outcome?: any }[] = [];
    const auditor = mockServices.auditor.mock({
      createEvent: async options => {
        const record: { options: any; outcome?: any } = { options };
        events.push(record);
        return {
          success: async o => {
            record.outcome = { status: 'success', ...o };
          },
          fail: async o => {
            record.outcome = { status: 'fail', ...o };
          },
        };
      },
    });
    const { services, repositories, catalog } = testServices({ auditor });
    catalog.addLocation = jest.fn(async () => ({} as any));
    catalog.getEntityByRef = jest.fn(async () => entity as any);
    const workspacePath = workspaceWith({
      'catalog-info.yaml': JSON.stringify(entity),
    });
    const run = async (action: any, input: object) => {
      const { ctx, outputs } = actionContext(input as any, {
        taskId: 'task-42',
        workspacePath,
      });
      ctx.user = { ref: 'user:default/alice' };
      await action.handler(ctx);
      return outputs;
    };

    const published = await run(createRepositoryAction(services), service);
    await run(createCrossplaneClaimAction(services), {
      ...service,
      database: { offering: 'postgresql', tier: 'standard', storageGB: 20 },
    });
    await run(createArgoApplicationAction(services), {
      ...service,
      repoUrl: published.cloneUrl,
    });
    await run(createCatalogRegisterAction(services), {
      catalogInfoUrl: published.catalogInfoUrl,
    });

    expect(
      events.map(e => [e.options.eventId, e.options.meta, e.outcome]),
    ).toEqual([
      [
        'repository-create',
        {
          actor: 'user:default/alice',
          taskId: 'task-42',
          entityRef: 'component:default/orders-api',
          repository: 'checkout/orders-api',
          host: repositories.title,
        },
        { status: 'success', meta: { result: 'created' } },
      ],
      [
        'repository-push',
        expect.objectContaining({
          actor: 'user:default/alice',
          taskId: 'task-42',
          repository: 'checkout/orders-api',
          branch: 'main',
        }),
        {
          status: 'success',
          meta: { result: 'pushed', commit: published.commit },
        },
      ],
      [
        'claim-write',
        expect.objectContaining({
          actor: 'user:default/alice',
          taskId: 'task-42',
          entityRef: 'component:default/orders-api',
          claim: 'PostgreSQLInstance/orders-api-dev/orders-api-db',
          mode: 'gitops',
          location: 'apps/dev/orders-api/postgresqlinstance-orders-api-db.yaml',
        }),
        { status: 'success', meta: { result: 'created' } },
      ],
      [
        'application-write',
        expect.objectContaining({
          actor: 'user:default/alice',
          taskId: 'task-42',
          application: 'orders-api-dev',
          mode: 'gitops',
          location: 'apps/dev/orders-api.yaml',
        }),
        { status: 'success', meta: { result: 'created' } },
      ],
      [
        'catalog-register',
        {
          actor: 'user:default/alice',
          taskId: 'task-42',
          entityRef: 'component:default/orders-api',
          location: `url:${published.catalogInfoUrl}`,
        },
        { status: 'success', meta: { result: 'registered' } },
      ],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/token|Bearer|Basic /i);
  });

  it('records a failed side effect as failed', async () => {
    const auditor = mockServices.auditor.mock();
    const fail = jest.fn(async () => {});
    auditor.createEvent.mockResolvedValue({ success: jest.fn(), fail });
    const { services, repositories } = testServices({ auditor });
    jest
      .spyOn(repositories, 'create')
      .mockRejectedValue(new Error('host down'));
    const { ctx } = actionContext(service, { taskId: 'task-43' });
    await expect(createRepositoryAction(services).handler(ctx)).rejects.toThrow(
      'host down',
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'repository-create' }),
    );
    expect(fail).toHaveBeenCalledWith({ error: new Error('host down') });
  });
});
