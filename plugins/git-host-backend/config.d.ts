export interface Config {
  /** The embedded git host (plugin `git-host`, served at `<backend.baseUrl>/api/git-host`). */
  gitHost?: {
    /**
     * Directory holding the bare repositories, as `<owner>/<name>.git`. A relative path
     * resolves against the backend's working directory. Created when missing. When unset,
     * `.paved/data/git` under the backend's working directory is used (and logged at startup).
     */
    directory?: string;
    /**
     * When true, clone, fetch and raw-file reads work without a Backstage token, so a
     * printed `git clone <url>` works as is. Pushing and the `/repositories` API always
     * need Backstage credentials. Default: false.
     */
    anonymousRead?: boolean;
    /**
     * The largest push the host accepts, in megabytes: git's `receive.maxInputSize` and the
     * cap on the body of every git request (413 past it). Default: 100.
     */
    maxPushSizeMegabytes?: number;
    /**
     * How long one git process (a clone, a push with its hooks, a file read) may run, in
     * seconds; past it git is killed and the request gets a 504 (git protocol) or 503.
     * Default: 120.
     */
    gitTimeoutSeconds?: number;
    /**
     * The largest file served by raw/blob reads and the URL reader, in megabytes; larger files
     * are a 413 (clone the repository to get them). Default: 10.
     */
    maxBlobSizeMegabytes?: number;
    /**
     * Repositories (`owner/name`) that only the golden path writes, besides the GitOps
     * repository (`paved.goldenPath.delivery.gitopsOwner`/`gitopsRepository`, default
     * platform/gitops), which always is. The rule IS_AUTOMATION_ONLY matches them, so the
     * policy refuses people's pushes there.
     */
    automationOnlyRepositories?: string[];
  };
}
