import fs from 'node:fs';
import { parse } from 'yaml';
import { actionContext, workspaceWith } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createRepositoryAction } from './repository';
import { examples } from './repository.examples';

const skeleton = {
  'catalog-info.yaml': 'kind: Component\nmetadata:\n  name: orders-api\n',
  'k8s/deployment.yaml': 'kind: Deployment\n',
  'README.md': '# orders-api\n',
};
const input = {
  name: 'orders-api',
  owner: 'group:default/checkout',
  description: 'Orders',
};
const repo = { owner: 'checkout', name: 'orders-api' };

describe('golden-path:repository:publish', () => {
  it('creates the repository on the host and pushes the workspace as its first commit', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext(input, {
      workspacePath: workspaceWith(skeleton),
    });
    await createRepositoryAction(services).handler(ctx);

    expect(repositories.files(repo)).toEqual(skeleton);
    expect(outputs).toMatchObject({
      cloneUrl: repositories.urls(repo).cloneUrl,
      remoteUrl: 'https://git.example/checkout/orders-api',
      catalogInfoUrl:
        'https://git.example/checkout/orders-api/blob/main/catalog-info.yaml',
      files: ['README.md', 'catalog-info.yaml', 'k8s/deployment.yaml'],
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it('leaves the workspace as it was (no .git folder for the next steps)', async () => {
    const { services } = testServices();
    const workspacePath = workspaceWith(skeleton);
    await createRepositoryAction(services).handler(
      actionContext(input, { workspacePath }).ctx,
    );
    expect(fs.readdirSync(workspacePath).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'k8s',
    ]);
  });

  it('creates nothing twice when the task is retried, even after its checkpoints were lost', async () => {
    const { services, repositories } = testServices();
    const action = createRepositoryAction(services);
    const workspacePath = workspaceWith(skeleton);
    const first = actionContext(input, { workspacePath, taskId: 'task-1' });
    await action.handler(first.ctx);
    // The same task again, as after a crash between pushing and saving the checkpoint.
    const retry = actionContext(input, { workspacePath, taskId: 'task-1' });
    await action.handler(retry.ctx);

    expect(repositories.list()).toEqual(['checkout/orders-api']);
    expect(repositories.commitCount(repo)).toBe(1);
    expect(retry.outputs.commit).toBe(first.outputs.commit);
  });

  it('refuses a repository name that is taken by another task, saying what to do', async () => {
    const { services } = testServices();
    const action = createRepositoryAction(services);
    await action.handler(
      actionContext(input, {
        workspacePath: workspaceWith(skeleton),
        taskId: 'a',
      }).ctx,
    );
    await expect(
      action.handler(
        actionContext(input, {
          workspacePath: workspaceWith(skeleton),
          taskId: 'b',
        }).ctx,
      ),
    ).rejects.toThrow(/checkout\/orders-api already exists/);
  });

  it('creates nothing in a dry run and names what it would push', async () => {
    const { services, repositories } = testServices();
    const { ctx, outputs } = actionContext(input, {
      workspacePath: workspaceWith(skeleton),
      dryRun: true,
    });
    await createRepositoryAction(services).handler(ctx);
    expect(repositories.list()).toEqual([]);
    expect(outputs.files).toHaveLength(3);
    expect(outputs.commit).toBe('(dry run)');
  });

  it('rejects a bad service name before touching the host', async () => {
    const { services, repositories } = testServices();
    const { ctx } = actionContext({ ...input, name: 'Orders_API' });
    await expect(createRepositoryAction(services).handler(ctx)).rejects.toThrow(
      /Invalid input to golden-path:repository:publish: name: use 4 to 30 characters/,
    );
    expect(repositories.list()).toEqual([]);
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_, example) => {
      const { services, repositories } = testServices();
      const step = parse(example.example).steps[0];
      await createRepositoryAction(services).handler(
        actionContext(step.input, { workspacePath: workspaceWith(skeleton) })
          .ctx,
      );
      expect(repositories.list()).toEqual(['checkout/orders-api']);
    },
  );
});
