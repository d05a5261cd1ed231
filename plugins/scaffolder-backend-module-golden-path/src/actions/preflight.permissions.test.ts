// Who may create and change services: the preflight asks the permission policy (mocked here; the
// real policy has its own tests) for the task's user, and refuses before anything is created.
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { actionContext } from '../__testUtils__/actionContext';
import { existingService, testServices } from '../__testUtils__/testServices';
import { createPreflightAction } from './preflight';

const request = {
  name: 'orders-api',
  owner: 'group:default/payments',
  environment: 'dev',
};
const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const ledger = {
  ...existingService,
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { ...existingService.spec, owner: 'payments' },
};

function withPolicy(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result }]);
  const auditor = mockServices.auditor.mock();
  const setup = testServices({
    entities: [payments, ledger],
    permissions,
    auditor,
  });
  return { ...setup, permissions, auditor };
}

function asMallory<T extends object>(input: T, taskId = 'task-1') {
  const context = actionContext(input as any, { taskId });
  context.ctx.user = { ref: 'user:default/mallory' };
  return context;
}

describe('golden-path:preflight permissions', () => {
  it('asks golden-path.service.create for the owner group with the initiator credentials', async () => {
    const { services, permissions } = withPolicy(AuthorizeResult.ALLOW);
    const { ctx, outputs } = asMallory(request);
    await createPreflightAction(services).handler(ctx);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'golden-path.service.create',
          }),
          resourceRef: 'group:default/payments',
        },
      ],
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(outputs.namespace).toBe('orders-api-dev');
  });

  it('refuses a user who may not create services for the team, saying who can', async () => {
    const { services, repositories, auditor } = withPolicy(
      AuthorizeResult.DENY,
    );
    await expect(
      createPreflightAction(services).handler(asMallory(request).ctx),
    ).rejects.toThrow(
      'user:default/mallory may not create services for group:default/payments: you may create them for the teams you belong to (and their sub-teams); ask a member of payments or the platform team',
    );
    expect(repositories.list()).toEqual([]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'permission-refused' }),
    );
  });

  it('asks golden-path.component.change for the component when infrastructure is added', async () => {
    const { services, permissions } = withPolicy(AuthorizeResult.ALLOW);
    const { ctx, outputs } = asMallory({
      ...request,
      name: 'ledger',
      newRepository: false,
    });
    await createPreflightAction(services).handler(ctx);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'golden-path.component.change',
          }),
          resourceRef: 'component:default/ledger',
        },
      ],
      expect.anything(),
    );
    expect(outputs.namespace).toBe('ledger-dev');
  });

  it('refuses a change to a component of another team, naming the owning team', async () => {
    const { services } = withPolicy(AuthorizeResult.DENY);
    await expect(
      createPreflightAction(services).handler(
        asMallory({ ...request, name: 'ledger', newRepository: false }).ctx,
      ),
    ).rejects.toThrow(
      /^user:default\/mallory may not change component:default\/ledger: it belongs to group:default\/payments.*ask a member of payments or the platform team$/,
    );
  });

  it("accepts this task's own component when the task is retried after registration", async () => {
    const own = {
      ...ledger,
      metadata: {
        name: 'orders-api',
        namespace: 'default',
        annotations: { 'paved.dev/scaffolder-task': 'task-7' },
      },
    };
    const { services } = testServices({ entities: [payments, own] });
    const retry = asMallory(request, 'task-7');
    await createPreflightAction(services).handler(retry.ctx);
    expect(retry.outputs.taskId).toBe('task-7');
    await expect(
      createPreflightAction(services).handler(asMallory(request, 'task-8').ctx),
    ).rejects.toThrow(/A component named orders-api already exists/);
  });
});
