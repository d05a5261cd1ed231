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
  /** Undefined when there is no such file; `ref` defaults to the default branch. */
  readFile(
    repository: Repository,
    path: string,
    ref?: string,
  ): Promise<string | undefined>;
}

/** Encodes each segment of a slash-separated path, keeping the slashes. */
export const encodePath = (path: string) =>
  path.split('/').map(encodeURIComponent).join('/');

/**
 * The raw URL of a file. Opening it in the browser sends no Backstage token, so it only
 * works where the git host allows anonymous reads (`gitHost.anonymousRead`).
 */
export const rawFileUrl = (
  repository: Repository,
  path: string,
  ref?: string,
) =>
  `${repository.rawBaseUrl}/${encodePath(
    ref ?? repository.defaultBranch,
  )}/${encodePath(path)}`;

export class GitHostClient implements GitHostApi {
  constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  /** Undefined for a 404 (only where a 404 means "no such thing"); throws otherwise. */
  private async get(path: string): Promise<Response | undefined> {
    const base = await this.discoveryApi.getBaseUrl('git-host');
    const res = await this.fetchApi.fetch(`${base}${path}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res;
  }

  async listRepositories() {
    // A 404 here means the git-host backend is not installed: an error, not "no repositories".
    const base = await this.discoveryApi.getBaseUrl('git-host');
    const res = await this.fetchApi.fetch(`${base}/repositories`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()).items as Repository[];
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

  async readFile(repository: Repository, path: string, ref?: string) {
    const res = await this.get(
      `/${encodeURIComponent(repository.owner)}/${encodeURIComponent(
        repository.name,
      )}/raw/${encodePath(ref ?? repository.defaultBranch)}/${encodePath(
        path,
      )}`,
    );
    return res ? res.text() : undefined;
  }
}
