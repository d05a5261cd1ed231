// GitHub, GitLab and Gitea behind the same interface: the calls each host's REST API gets, with
// the credentials of Backstage's integrations config. (No network here: fetch is replaced.)
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { IntegrationRepositoryHost } from './IntegrationRepositoryHost';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 'gh-token' }],
      gitlab: [{ host: 'gitlab.com', token: 'gl-token' }],
      gitea: [{ host: 'gitea.example', username: 'bot', password: 'gt-pass' }],
    },
  }),
);

type Call = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: any;
};

function fakeFetch(
  answers: Record<string, { status: number; body?: unknown }>,
) {
  const calls: Call[] = [];
  jest
    .spyOn(global, 'fetch')
    .mockImplementation(async (input: any, init: any = {}) => {
      const url = String(input);
      calls.push({
        url,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        body: init.body ? JSON.parse(init.body) : undefined,
      });
      const key = `${init.method ?? 'GET'} ${url}`;
      const answer = answers[key] ?? { status: 404 };
      return new Response(JSON.stringify(answer.body ?? {}), {
        status: answer.status,
      });
    });
  return calls;
}

afterEach(() => jest.restoreAllMocks());

const repo = {
  owner: 'paved-demo',
  name: 'orders-api',
  description: 'Orders',
  claim: 't1',
};

describe('IntegrationRepositoryHost', () => {
  it('creates a private GitHub repository in the organisation and pushes with the token', async () => {
    const calls = fakeFetch({
      'POST https://api.github.com/orgs/paved-demo/repos': { status: 201 },
    });
    const host = new IntegrationRepositoryHost({
      provider: 'github',
      host: 'github.com',
      organization: 'paved-demo',
      integrations,
    });
    expect(host.ownerFor()).toBe('paved-demo');
    await expect(host.create(repo)).resolves.toEqual({ created: true });
    expect(calls.map(c => `${c.method} ${c.url}`)).toEqual([
      'GET https://api.github.com/repos/paved-demo/orders-api',
      'POST https://api.github.com/orgs/paved-demo/repos',
    ]);
    expect(calls[1].body).toEqual({
      name: 'orders-api',
      description: 'Orders [paved-task:t1]',
      private: true,
      auto_init: false,
    });
    expect(calls[1].headers.authorization).toBe('Bearer gh-token');
    expect(await host.gitAuthorization()).toBe(
      `Basic ${Buffer.from('x-access-token:gh-token').toString('base64')}`,
    );
    expect(host.urls(repo).fileUrl('main', 'catalog-info.yaml')).toBe(
      'https://github.com/paved-demo/orders-api/blob/main/catalog-info.yaml',
    );
  });

  it('refuses a name that exists on GitHub, saying what to do', async () => {
    fakeFetch({
      'GET https://api.github.com/repos/paved-demo/orders-api': { status: 200 },
    });
    const host = new IntegrationRepositoryHost({
      provider: 'github',
      host: 'github.com',
      organization: 'paved-demo',
      integrations,
    });
    await expect(host.create(repo)).rejects.toThrow(
      /A repository named paved-demo\/orders-api already exists on github \(github.com\) .*choose another service name/,
    );
  });

  it('creates a GitLab project in the group it looks up', async () => {
    const calls = fakeFetch({
      'GET https://gitlab.com/api/v4/namespaces/paved-demo': {
        status: 200,
        body: { id: 42 },
      },
      'POST https://gitlab.com/api/v4/projects': { status: 201 },
    });
    const host = new IntegrationRepositoryHost({
      provider: 'gitlab',
      host: 'gitlab.com',
      organization: 'paved-demo',
      integrations,
    });
    await host.create(repo);
    expect(calls[2].body).toEqual({
      name: 'orders-api',
      path: 'orders-api',
      description: 'Orders [paved-task:t1]',
      namespace_id: 42,
    });
    expect(calls[2].headers['private-token']).toBe('gl-token');
    expect(host.urls(repo).fileUrl('main', 'catalog-info.yaml')).toBe(
      'https://gitlab.com/paved-demo/orders-api/-/blob/main/catalog-info.yaml',
    );
  });

  it('creates a Gitea repository with the integration user', async () => {
    const calls = fakeFetch({
      'POST https://gitea.example/api/v1/orgs/paved-demo/repos': {
        status: 201,
      },
    });
    const host = new IntegrationRepositoryHost({
      provider: 'gitea',
      host: 'gitea.example',
      organization: 'paved-demo',
      integrations,
    });
    await host.create(repo);
    expect(calls[1].headers.authorization).toBe(
      `Basic ${Buffer.from('bot:gt-pass').toString('base64')}`,
    );
    expect(host.urls(repo).fileUrl('main', 'catalog-info.yaml')).toBe(
      'https://gitea.example/paved-demo/orders-api/src/branch/main/catalog-info.yaml',
    );
  });

  it.each([
    [
      'github',
      'github.com',
      'https://api.github.com/repos/paved-demo/orders-api',
    ],
    [
      'gitlab',
      'gitlab.com',
      'https://gitlab.com/api/v4/projects/paved-demo%2Forders-api',
    ],
    [
      'gitea',
      'gitea.example',
      'https://gitea.example/api/v1/repos/paved-demo/orders-api',
    ],
  ] as const)(
    'gives a retried task back the repository its first attempt made on %s',
    async (provider, host, repoUrl) => {
      const calls = fakeFetch({
        [`GET ${repoUrl}`]: {
          status: 200,
          body: { description: 'Orders [paved-task:t1]' },
        },
      });
      const api = new IntegrationRepositoryHost({
        provider,
        host,
        organization: 'paved-demo',
        integrations,
      });
      await expect(api.find(repo)).resolves.toEqual({ claim: 't1' });
      await expect(api.create(repo)).resolves.toEqual({ created: false });
      await expect(api.create({ ...repo, claim: 't2' })).rejects.toThrow(
        /already exists .*choose another service name/,
      );
      expect(calls.filter(c => c.method === 'POST')).toEqual([]);
    },
  );

  it('takes back a repository created by its own attempt in a race (GitHub 422)', async () => {
    let created = false;
    jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (_input: any, init: any = {}) => {
        if (init.method === 'POST') {
          created = true;
          return new Response('{}', { status: 422 });
        }
        return created
          ? new Response(
              JSON.stringify({ description: 'Orders [paved-task:t1]' }),
              {
                status: 200,
              },
            )
          : new Response('{}', { status: 404 });
      });
    const api = new IntegrationRepositoryHost({
      provider: 'github',
      host: 'github.com',
      organization: 'paved-demo',
      integrations,
    });
    await expect(api.create(repo)).resolves.toEqual({ created: false });
  });

  it('gives every REST call a deadline', async () => {
    const calls: (AbortSignal | undefined)[] = [];
    jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (_: any, init: any = {}) => {
        calls.push(init.signal);
        return new Response('{}', { status: 404 });
      });
    const api = new IntegrationRepositoryHost({
      provider: 'gitea',
      host: 'gitea.example',
      organization: 'paved-demo',
      integrations,
    });
    await api.find(repo);
    expect(calls[0]).toBeInstanceOf(AbortSignal);
  });

  const providers = [
    {
      provider: 'github',
      title: 'GitHub',
      host: 'github.com',
      find: 'GET https://api.github.com/repos/paved-demo/orders-api',
      create: 'POST https://api.github.com/orgs/paved-demo/repos',
      createFix:
        'give a GitHub App installed on that organisation the Administration repository permission (write), or use a token with the repo scope whose user may create repositories in that organisation',
      readFix:
        'give a GitHub App installed on that organisation the Metadata repository permission (read)',
      credentials: 'GitHub credentials (token or GitHub App)',
    },
    {
      provider: 'gitlab',
      title: 'GitLab',
      host: 'gitlab.com',
      find: 'GET https://gitlab.com/api/v4/projects/paved-demo%2Forders-api',
      create: 'POST https://gitlab.com/api/v4/projects',
      createFix:
        "give its user a role in that group that may create projects (Developer or Maintainer, as the group's 'Roles allowed to create projects' setting says), with a token with the api scope",
      readFix:
        'make its user a member of that group (Reporter or higher), with a token with the api scope',
      credentials: 'GitLab token',
    },
    {
      provider: 'gitea',
      title: 'Gitea',
      host: 'gitea.example',
      find: 'GET https://gitea.example/api/v1/repos/paved-demo/orders-api',
      create: 'POST https://gitea.example/api/v1/orgs/paved-demo/repos',
      createFix:
        'give its user a team with the Create repositories permission in that organisation, or a token with write:organization scope (and write:repository, for the push)',
      readFix:
        "give its user a team with read access to that organisation's repositories, or a token with read:repository scope",
      credentials: 'Gitea token',
    },
  ] as const;
  const gitlabNamespace = {
    'GET https://gitlab.com/api/v4/namespaces/paved-demo': {
      status: 200,
      body: { id: 42 },
    },
  };
  const hostFor = (p: (typeof providers)[number]) =>
    new IntegrationRepositoryHost({
      provider: p.provider,
      host: p.host,
      organization: 'paved-demo',
      integrations,
    });

  it.each(providers.map(p => [p.provider, p] as const))(
    'names the organisation and the right to give when %s refuses to create (403)',
    async (_, p) => {
      fakeFetch({
        ...gitlabNamespace,
        [p.create]: { status: 403, body: { message: 'not allowed here' } },
      });
      const error = await hostFor(p)
        .create(repo)
        .catch(e => e);
      expect(error.name).toBe('NotAllowedError');
      expect(error.message).toBe(
        `the ${p.credentials} of integrations.${p.provider} for ${p.host} may not create repositories in organisation paved-demo (${p.title} said: not allowed here): ${p.createFix}.`,
      );
    },
  );

  it.each(providers.map(p => [p.provider, p] as const))(
    'names the organisation and the right to give when %s refuses to read a repository (403)',
    async (_, p) => {
      fakeFetch({ [p.find]: { status: 403 } });
      const error = await hostFor(p)
        .find(repo)
        .catch(e => e);
      expect(error.name).toBe('NotAllowedError');
      expect(error.message).toContain(
        `the ${p.credentials} of integrations.${p.provider} for ${p.host} may not read repositories in organisation paved-demo`,
      );
      expect(error.message).toContain(p.readFix);
    },
  );

  it.each(providers.map(p => [p.provider, p] as const))(
    'says the credentials were not accepted when %s answers 401',
    async (_, p) => {
      fakeFetch({ [p.find]: { status: 401, body: { message: 'Bad creds' } } });
      const error = await hostFor(p)
        .create(repo)
        .catch(e => e);
      expect(error.name).toBe('AuthenticationError');
      expect(error.message).toMatch(
        new RegExp(
          `^${p.title} \\(${
            p.host
          }\\) did not accept the ${p.credentials.replace(
            /[()]/g,
            '\\$&',
          )} of integrations\\.${p.provider} for ${
            p.host
          } \\(401\\) to read repositories in organisation paved-demo \\(${
            p.title
          } said: Bad creds\\): replace them with valid, unexpired ones; they need this right: `,
        ),
      );
    },
  );

  it('says the GitLab group is missing or invisible when its lookup answers 404', async () => {
    fakeFetch({});
    const gitlab = providers[1];
    await expect(hostFor(gitlab).create(repo)).rejects.toThrow(
      `GitLab (gitlab.com) has no organisation paved-demo that the token of integrations.gitlab can see: check paved.goldenPath.scm.organization, and ${gitlab.createFix}.`,
    );
  });

  it('says the Gitea organisation is missing or invisible when creating answers 404', async () => {
    const calls = fakeFetch({});
    await expect(hostFor(providers[2]).create(repo)).rejects.toThrow(
      /^Gitea \(gitea.example\) has no organisation paved-demo that the token of integrations.gitea can see/,
    );
    expect(calls.map(c => c.method)).toEqual(['GET', 'POST']);
  });

  it.each(providers.map(p => [p.provider, p] as const))(
    'waits until %s serves the pushed commit on the branch',
    async (_, p) => {
      let answers = 0;
      jest.spyOn(global, 'fetch').mockImplementation(async () => {
        answers++;
        // Gitea's answers while it has not processed the push yet (409, then the 500 of its
        // half-processed push), then the branch at an older commit, then at the pushed one.
        if (answers === 1)
          return new Response('{"message":"Git Repository is empty."}', {
            status: 409,
          });
        if (answers === 2)
          return new Response('{"message":""}', { status: 500 });
        const commit = answers === 3 ? 'older' : 'c0ffee';
        return new Response(
          JSON.stringify({ commit: { id: commit, sha: commit } }),
          { status: 200 },
        );
      });
      await hostFor(p).waitForBranch(repo, 'main', 'c0ffee');
      expect(answers).toBe(4);
    },
  );

  it('says the host is slow to process pushes when the branch does not appear in time', async () => {
    fakeFetch({});
    const host = new IntegrationRepositoryHost({
      provider: 'gitea',
      host: 'gitea.example',
      organization: 'paved-demo',
      integrations,
      pushVisibleTimeoutMs: 300,
    });
    await expect(
      host.waitForBranch(repo, 'main', 'c0ffee00c0ffee'),
    ).rejects.toThrow(
      'gitea (gitea.example) did not show branch main of paved-demo/orders-api at the pushed commit c0ffee00 within 0.3 s: the host is slow to process pushes; retry the task (the repository and its commit are kept).',
    );
  });

  it('says which integrations entry is missing', () => {
    expect(
      () =>
        new IntegrationRepositoryHost({
          provider: 'gitlab',
          host: 'gitlab.internal',
          organization: 'x',
          integrations,
        }),
    ).toThrow(
      /integrations.gitlab has no entry for host gitlab.internal: add one with its credentials/,
    );
  });
});
