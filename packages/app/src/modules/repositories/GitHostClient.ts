// Reads the embedded git host (backend plugin git-host) for the repository pages.
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

export interface Repository {
  owner: string;
  name: string;
  description: string;
  cloneUrl: string;
  rawBaseUrl: string;
  defaultBranch: string;
  empty: boolean;
}

export interface GitHostApi {
  listRepositories(): Promise<Repository[]>;
  /** Undefined when the repository does not exist. */
  getRepository(owner: string, name: string): Promise<Repository | undefined>;
  /** Undefined when the branch does not exist (an empty repository). */
  listFiles(
    owner: string,
    name: string,
    ref: string,
  ): Promise<string[] | undefined>;
  readFile(repository: Repository, path: string): Promise<string | undefined>;
}

export class GitHostClient implements GitHostApi {
  constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  private async get(path: string): Promise<Response | undefined> {
    const base = await this.discoveryApi.getBaseUrl('git-host');
    const res = await this.fetchApi.fetch(`${base}${path}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res;
  }

  async listRepositories() {
    const res = await this.get('/repositories');
    return res ? ((await res.json()).items as Repository[]) : [];
  }

  async getRepository(owner: string, name: string) {
    const res = await this.get(
      `/repositories/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
    );
    return res ? ((await res.json()) as Repository) : undefined;
  }

  async listFiles(owner: string, name: string, ref: string) {
    const res = await this.get(
      `/repositories/${encodeURIComponent(owner)}/${encodeURIComponent(
        name,
      )}/tree?ref=${encodeURIComponent(ref)}`,
    );
    return res ? ((await res.json()).files as string[]) : undefined;
  }

  async readFile(repository: Repository, path: string) {
    const res = await this.get(
      `/${repository.owner}/${repository.name}/raw/${repository.defaultBranch}/${path}`,
    );
    return res ? res.text() : undefined;
  }
}
