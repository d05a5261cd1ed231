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
  };
}
