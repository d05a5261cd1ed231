// Where the golden path creates repositories: the embedded git host on a fresh machine, GitHub,
// GitLab or Gitea in production. The actions only see this interface, so switching the SCM is a
// configuration change, not a template edit.

export interface RepositoryLocation {
  owner: string;
  name: string;
}

export interface RepositoryUrls {
  /** What `git clone` takes. */
  cloneUrl: string;
  /** A page people open in the browser. */
  webUrl: string;
  /** URL of a file on a branch, readable by the catalog's URL reader. */
  fileUrl(branch: string, path: string): string;
}

export interface RepositoryHost {
  /** Short name for messages, e.g. "the embedded git host" or "GitHub (github.com)". */
  readonly title: string;
  /** Owner of a new service's repository, from the owning team's name. */
  ownerFor(teamName: string): string;
  urls(repo: RepositoryLocation): RepositoryUrls;
  /** Undefined when the repository does not exist; else who created it (the task id, if known). */
  find(repo: RepositoryLocation): Promise<{ claim?: string } | undefined>;
  /**
   * Creates an empty repository. `claim` (the scaffolder task id) lets a retried task take back
   * the repository its earlier attempt made; a repository made by anything else is a conflict.
   */
  create(
    repo: RepositoryLocation & { description: string; claim: string },
  ): Promise<{ created: boolean }>;
  /** The Authorization header value git needs to push to this host. */
  gitAuthorization(): Promise<string>;
  /**
   * Resolves once the host's API serves `branch` at `commit`, which is how the catalog reads
   * catalog-info.yaml. Hosts that process a push asynchronously need it (Gitea answers
   * "Git Repository is empty" for about a second after the push); absent where a push is
   * visible when git returns.
   */
  waitForBranch?(
    repo: RepositoryLocation,
    branch: string,
    commit: string,
    signal?: AbortSignal,
  ): Promise<void>;
}
