// golden-path:repository:publish with the gitea provider against a real Gitea server (built from
// its Go module, started by scripts/lib/gitea.mjs): the REST calls, the claim in the description,
// and git's push, read back through Gitea's API and with real git.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionContext, workspaceWith } from '../__testUtils__/actionContext';
import {
  describeGitea,
  GiteaTestEnvironment,
  gitAs,
  giteaRepositoryHost,
} from '../__testUtils__/giteaTestEnvironment';
import { testServices } from '../__testUtils__/testServices';
import { createRepositoryAction } from './repository';

const skeleton = {
  'catalog-info.yaml': 'kind: Component\nmetadata:\n  name: orders-api\n',
  'k8s/deployment.yaml': 'kind: Deployment\n',
  'README.md': '# orders-api\n',
};

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Unique, so the test also runs against a Gitea that earlier runs used. */
const serviceName = () => `gp-${randomBytes(6).toString('hex')}`;

async function giteaApi(gitea: GiteaTestEnvironment, apiPath: string) {
  const res = await fetch(`${gitea.baseUrl}/api/v1${apiPath}`, {
    headers: { authorization: basic(gitea.username, gitea.token) },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

function filesIn(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesIn(full, rel));
    else files[rel] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

// Real pushes and REST calls: seconds each, more on a busy machine than Jest's 5 s default allows.
jest.setTimeout(60_000);

describeGitea('golden-path:repository:publish on a real Gitea', gitea => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gitea-test-'));
  const publish = (
    name: string,
    taskId: string,
    credentials = { user: gitea.username, token: gitea.token },
  ) => {
    const { services } = testServices();
    const repositories = giteaRepositoryHost(
      gitea,
      credentials.user,
      credentials.token,
    );
    const run = actionContext(
      { name, owner: 'group:default/checkout', description: 'Orders' },
      { taskId, workspacePath: workspaceWith(skeleton) },
    );
    const done = createRepositoryAction({
      ...services,
      repositories,
    }).handler(run.ctx);
    return { done, outputs: run.outputs };
  };

  it('creates a private repository in the organisation, records the task, and pushes the skeleton', async () => {
    const name = serviceName();
    const { done, outputs } = publish(name, 'task-create');
    await done;

    const { status, body } = await giteaApi(
      gitea,
      `/repos/${gitea.organization}/${name}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      full_name: `${gitea.organization}/${name}`,
      owner: { login: gitea.organization },
      private: true,
      description: 'Orders [paved-task:task-create]',
      default_branch: 'main',
    });
    expect(outputs).toMatchObject({
      cloneUrl: `${gitea.baseUrl}/${gitea.organization}/${name}.git`,
      remoteUrl: `${gitea.baseUrl}/${gitea.organization}/${name}`,
      catalogInfoUrl: `${gitea.baseUrl}/${gitea.organization}/${name}/src/branch/main/catalog-info.yaml`,
    });

    const dir = tmp();
    const heads = await gitAs(
      gitea,
      ['ls-remote', '--heads', '--', String(outputs.cloneUrl)],
      dir,
    );
    expect(heads.trim()).toBe(`${outputs.commit}\trefs/heads/main`);
    await gitAs(
      gitea,
      ['clone', '--quiet', '--', String(outputs.cloneUrl), 'clone'],
      dir,
    );
    expect(filesIn(path.join(dir, 'clone'))).toEqual(skeleton);

    // The catalog reads catalog-info.yaml through Gitea's API: it is there on main as soon as the
    // action returns (Gitea processes a push asynchronously; the action waits for it).
    const file = await giteaApi(
      gitea,
      `/repos/${gitea.organization}/${name}/contents/catalog-info.yaml?ref=main`,
    );
    expect(Buffer.from(file.body.content, 'base64').toString('utf8')).toBe(
      skeleton['catalog-info.yaml'],
    );
  });

  it('gives a retried task its repository back: no second repository, no error, the same single commit', async () => {
    const name = serviceName();
    const first = publish(name, 'task-retry');
    await first.done;
    // The same task again with its checkpoints lost, as after a crash before they were saved.
    const retry = publish(name, 'task-retry');
    await retry.done;

    expect(retry.outputs.commit).toBe(first.outputs.commit);
    const repos = await giteaApi(
      gitea,
      `/repos/search?q=${name}&owner=${gitea.organization}`,
    );
    expect(repos.body.data.map((r: { name: string }) => r.name)).toEqual([
      name,
    ]);
    const commits = await giteaApi(
      gitea,
      `/repos/${gitea.organization}/${name}/commits?sha=main`,
    );
    expect(commits.body.map((c: { sha: string }) => c.sha)).toEqual([
      first.outputs.commit,
    ]);
  });

  it('pushes on retry when the first attempt created the repository but stopped before pushing', async () => {
    const name = serviceName();
    const host = giteaRepositoryHost(gitea, gitea.username, gitea.token);
    await expect(
      host.create({
        owner: gitea.organization,
        name,
        description: 'Orders',
        claim: 'task-half',
      }),
    ).resolves.toEqual({ created: true });

    const retry = publish(name, 'task-half');
    await retry.done;
    const dir = tmp();
    const heads = await gitAs(
      gitea,
      ['ls-remote', '--heads', '--', String(retry.outputs.cloneUrl)],
      dir,
    );
    expect(heads.trim()).toBe(`${retry.outputs.commit}\trefs/heads/main`);
  });

  it('refuses a second task with the same name, saying to choose another service name', async () => {
    const name = serviceName();
    const first = publish(name, 'task-a');
    await first.done;

    await expect(publish(name, 'task-b').done).rejects.toThrow(
      `A repository named ${gitea.organization}/${name} already exists on gitea (${gitea.host}) (${gitea.baseUrl}/${gitea.organization}/${name}); choose another service name.`,
    );
    const { body } = await giteaApi(
      gitea,
      `/repos/${gitea.organization}/${name}`,
    );
    expect(body.description).toBe('Orders [paved-task:task-a]');
  });

  it('tells a token without rights on the organisation which right to give, and creates nothing', async () => {
    const name = serviceName();
    const { done } = publish(name, 'task-limited', {
      user: gitea.limitedUsername,
      token: gitea.limitedToken,
    });
    await expect(done).rejects.toThrow(
      `the Gitea token of integrations.gitea for ${gitea.host} may not create repositories in organisation ${gitea.organization}`,
    );
    await expect(done).rejects.toThrow(
      /: give its user a team with the Create repositories permission in that organisation, or a token with write:organization scope/,
    );
    const { status } = await giteaApi(
      gitea,
      `/repos/${gitea.organization}/${name}`,
    );
    expect(status).toBe(404);
  });

  it('says the token was not accepted when Gitea answers 401', async () => {
    const { done } = publish(serviceName(), 'task-bad-token', {
      user: gitea.username,
      token: 'not-a-valid-token',
    });
    await expect(done).rejects.toThrow(
      `Gitea (${gitea.host}) did not accept the Gitea token of integrations.gitea for ${gitea.host} (401) to read repositories in organisation ${gitea.organization}`,
    );
  });
});
