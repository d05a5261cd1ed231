// GitHub, GitLab and Gitea as the golden path's SCM, through the credentials of Backstage's own
// `integrations` config. Each provider needs three calls: does a repository exist, create one in
// the organisation, and how git authenticates a push.
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  ConflictError,
  InputError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { fetchWithDeadline } from '@internal/plugin-paved-node';
import { RepositoryHost, RepositoryLocation } from './RepositoryHost';
import {
  AccessContext,
  hostReason,
  organizationNotFound,
  Provider,
  refusal,
} from './accessErrors';

/** Where each host shows a file of a branch: <repository web URL>/<this>/<branch>/<path>. */
const BLOB_PATH: Record<Provider, string> = {
  github: 'blob',
  gitlab: '-/blob',
  gitea: 'src/branch',
};

interface ProviderApi {
  apiBase: string;
  webBase: string;
  headers(): Promise<Record<string, string>>;
  gitAuthorization(): Promise<string>;
  repoPath(repo: RepositoryLocation): string;
  /** REST path of a branch; its answer has the head commit at commit.sha (GitHub) or commit.id. */
  branchPath(repo: RepositoryLocation, branch: string): string;
  createRequest(
    repo: RepositoryLocation & { description: string },
  ): Promise<{ path: string; body: object }>;
}

/**
 * These hosts have no field of their own for "made by task X", so the claim travels in the
 * description, set in the same call that creates the repository (no window in which a repository
 * exists without its claim) and read back by `find` on every host's REST API.
 */
const CLAIM = /\s*\[paved-task:([A-Za-z0-9._-]{1,100})\]$/;

export function describeWithClaim(description: string, claim: string) {
  return `${description.slice(0, 200)} [paved-task:${claim}]`.trim();
}

export function claimOf(description: unknown): string | undefined {
  return typeof description === 'string'
    ? CLAIM.exec(description)?.[1]
    : undefined;
}

/** Gitea shows a push in its API within about a second; a host that needs this long is unwell. */
const PUSH_VISIBLE_TIMEOUT_MS = 30_000;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function providerApi(
  context: AccessContext,
  integrations: ScmIntegrations,
): ProviderApi {
  const { provider, host } = context;
  const missing = () =>
    new InputError(
      `paved.goldenPath.scm is ${provider} on ${host}, but integrations.${provider} has no entry for host ${host}: add one with its credentials.`,
    );
  if (provider === 'github') {
    const integration = integrations.github.byHost(host);
    if (!integration) throw missing();
    const credentials =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    const token = async () => {
      const { token: value } = await credentials.getCredentials({
        url: `https://${host}`,
      });
      if (!value) throw missing();
      return value;
    };
    return {
      apiBase: integration.config.apiBaseUrl ?? 'https://api.github.com',
      webBase: `https://${host}`,
      headers: async () => ({
        authorization: `Bearer ${await token()}`,
        accept: 'application/vnd.github+json',
      }),
      gitAuthorization: async () => basic('x-access-token', await token()),
      repoPath: ({ owner, name }) => `/repos/${owner}/${name}`,
      branchPath: ({ owner, name }, branch) =>
        `/repos/${owner}/${name}/branches/${branch}`,
      createRequest: async ({ owner, name, description }) => ({
        path: `/orgs/${owner}/repos`,
        body: { name, description, private: true, auto_init: false },
      }),
    };
  }
  if (provider === 'gitlab') {
    const integration = integrations.gitlab.byHost(host);
    if (!integration?.config.token) throw missing();
    const token = integration.config.token;
    const apiBase = integration.config.apiBaseUrl;
    return {
      apiBase,
      webBase: integration.config.baseUrl,
      headers: async () => ({ 'private-token': token }),
      gitAuthorization: async () => basic('oauth2', token),
      repoPath: ({ owner, name }) =>
        `/projects/${encodeURIComponent(`${owner}/${name}`)}`,
      branchPath: ({ owner, name }, branch) =>
        `/projects/${encodeURIComponent(
          `${owner}/${name}`,
        )}/repository/branches/${encodeURIComponent(branch)}`,
      createRequest: async ({ owner, name, description }) => {
        const res = await fetchWithDeadline(
          `${apiBase}/namespaces/${encodeURIComponent(owner)}`,
          { headers: { 'private-token': token } },
        );
        if (res.status === 404) throw organizationNotFound(context);
        const refused = refusal(
          context,
          'create',
          res.status,
          await hostReason(res.clone()),
        );
        if (refused) throw refused;
        if (!res.ok) throw await ResponseError.fromResponse(res);
        const namespace = (await res.json()) as { id: number };
        return {
          path: '/projects',
          body: { name, path: name, description, namespace_id: namespace.id },
        };
      },
    };
  }
  const integration = integrations.gitea.byHost(host);
  const { username, password } = integration?.config ?? {};
  if (!integration || !username || !password) throw missing();
  const baseUrl = integration.config.baseUrl ?? `https://${host}`;
  return {
    apiBase: `${baseUrl}/api/v1`,
    webBase: baseUrl,
    headers: async () => ({ authorization: basic(username, password) }),
    gitAuthorization: async () => basic(username, password),
    repoPath: ({ owner, name }) => `/repos/${owner}/${name}`,
    branchPath: ({ owner, name }, branch) =>
      `/repos/${owner}/${name}/branches/${branch}`,
    createRequest: async ({ owner, name, description }) => ({
      path: `/orgs/${owner}/repos`,
      body: { name, description, private: true },
    }),
  };
}

export class IntegrationRepositoryHost implements RepositoryHost {
  readonly title: string;
  private readonly api: ProviderApi;

  constructor(
    private readonly options: {
      provider: Provider;
      host: string;
      organization: string;
      integrations: ScmIntegrations;
      /** How long waitForBranch waits (default 30 s). */
      pushVisibleTimeoutMs?: number;
    },
  ) {
    this.api = providerApi(options, options.integrations);
    this.title = `${options.provider} (${options.host})`;
  }

  ownerFor(): string {
    return this.options.organization;
  }

  urls({ owner, name }: RepositoryLocation) {
    const web = `${this.api.webBase}/${owner}/${name}`;
    const blob = BLOB_PATH[this.options.provider];
    return {
      cloneUrl: `${web}.git`,
      webUrl: web,
      fileUrl: (branch: string, path: string) =>
        `${web}/${blob}/${branch}/${path.replace(/^\/+/, '')}`,
    };
  }

  async find(repo: RepositoryLocation) {
    const res = await fetchWithDeadline(
      `${this.api.apiBase}${this.api.repoPath(repo)}`,
      { headers: await this.api.headers() },
    );
    if (res.status === 404) return undefined;
    const refused = refusal(
      this.options,
      'read',
      res.status,
      await hostReason(res.clone()),
    );
    if (refused) throw refused;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const body = (await res.json().catch(() => ({}))) as {
      description?: unknown;
    };
    return { claim: claimOf(body?.description) };
  }

  async create(
    repo: RepositoryLocation & { description: string; claim: string },
  ) {
    const existing = await this.find(repo);
    // Made by an earlier attempt of this task (a retry after a crash): take it back.
    if (existing?.claim === repo.claim) return { created: false };
    if (existing) throw this.taken(repo);
    const { path, body } = await this.api.createRequest({
      ...repo,
      description: describeWithClaim(repo.description, repo.claim),
    });
    const res = await fetchWithDeadline(`${this.api.apiBase}${path}`, {
      method: 'POST',
      headers: {
        ...(await this.api.headers()),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (res.ok) return { created: true };
    // 409 (Gitea), 422 (GitHub) or 400 (GitLab): created meanwhile, by this task or another.
    if ([400, 409, 422].includes(res.status)) {
      const now = await this.find(repo);
      if (now?.claim === repo.claim) return { created: false };
      if (now) throw this.taken(repo);
    }
    // The organisation does not exist, or these credentials cannot see it.
    if (res.status === 404) throw organizationNotFound(this.options);
    const refused = refusal(
      this.options,
      'create',
      res.status,
      await hostReason(res.clone()),
    );
    if (refused) throw refused;
    throw await ResponseError.fromResponse(res);
  }

  private taken(repo: RepositoryLocation) {
    return new ConflictError(
      `A repository named ${repo.owner}/${repo.name} already exists on ${
        this.title
      } (${this.urls(repo).webUrl}); choose another service name.`,
    );
  }

  gitAuthorization(): Promise<string> {
    return this.api.gitAuthorization();
  }

  async waitForBranch(
    repo: RepositoryLocation,
    branch: string,
    commit: string,
    signal?: AbortSignal,
  ) {
    const timeoutMs =
      this.options.pushVisibleTimeoutMs ?? PUSH_VISIBLE_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      signal?.throwIfAborted();
      const res = await fetchWithDeadline(
        `${this.api.apiBase}${this.api.branchPath(repo, branch)}`,
        { headers: await this.api.headers() },
      );
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as {
          commit?: { id?: string; sha?: string };
        };
        if ((body.commit?.sha ?? body.commit?.id) === commit) return;
      } else if (res.status !== 404 && res.status !== 409 && res.status < 500) {
        // 404: no such branch yet; 409 (Gitea): "Git Repository is empty" until it processed the
        // push; 5xx: Gitea 1.27 answers 500 while its push queue has recorded the branch but not
        // yet marked the repository non-empty (seen against a real Gitea). All three are retried
        // until the deadline.
        const refused = refusal(
          this.options,
          'read',
          res.status,
          await hostReason(res.clone()),
        );
        throw refused ?? (await ResponseError.fromResponse(res));
      }
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `${this.title} did not show branch ${branch} of ${repo.owner}/${
            repo.name
          } at the pushed commit ${commit.slice(0, 8)} within ${
            timeoutMs / 1000
          } s: the host is slow to process pushes; retry the task (the repository and its commit are kept).`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}
