// The portal's own git host (plugin git-host): repositories are created through its API with a
// service token, and pushed to over smart HTTP with the same kind of token: the golden path's own
// service credentials, never the user's (the policy denies people repository creation and pushes
// to the GitOps repository; the preflight has checked the user may create the service).
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ConflictError, ResponseError } from '@backstage/errors';
import { fetchWithDeadline } from '@internal/plugin-paved-node';
import { RepositoryHost, RepositoryLocation } from './RepositoryHost';

const PLUGIN_ID = 'git-host';

export class EmbeddedRepositoryHost implements RepositoryHost {
  readonly title = 'the embedded git host';

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** External base URL of the git host, e.g. http://localhost:7007/api/git-host. */
      externalBaseUrl: string;
      /** Base URL of the portal's frontend, for the repository page. */
      appBaseUrl: string;
    },
  ) {}

  ownerFor(teamName: string): string {
    return teamName;
  }

  urls({ owner, name }: RepositoryLocation) {
    const base = this.deps.externalBaseUrl;
    return {
      cloneUrl: `${base}/${owner}/${name}.git`,
      webUrl: `${this.deps.appBaseUrl}/git/${owner}/${name}`,
      fileUrl: (branch: string, path: string) =>
        `${base}/${owner}/${name}/blob/${branch}/${path.replace(/^\/+/, '')}`,
    };
  }

  async find({ owner, name }: RepositoryLocation) {
    const res = await this.request(`/repositories/${owner}/${name}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const body = (await res.json()) as { claim?: string };
    return { claim: body.claim };
  }

  async create(
    repo: RepositoryLocation & { description: string; claim: string },
  ) {
    const res = await this.request('/repositories', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(repo),
    });
    if (res.status === 409) {
      const { cloneUrl } = this.urls(repo);
      throw new ConflictError(
        `A repository named ${repo.owner}/${repo.name} already exists on ${this.title} (${cloneUrl}); choose another service name.`,
      );
    }
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const body = (await res.json()) as { created: boolean };
    return { created: body.created };
  }

  async gitAuthorization(): Promise<string> {
    return `Bearer ${await this.token()}`;
  }

  private async token(): Promise<string> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    return token;
  }

  private async request(path: string, init: RequestInit = {}) {
    const baseUrl = await this.deps.discovery.getBaseUrl(PLUGIN_ID);
    return fetchWithDeadline(`${baseUrl}${path}`, {
      ...init,
      headers: {
        ...init.headers,
        authorization: `Bearer ${await this.token()}`,
      },
    });
  }
}
