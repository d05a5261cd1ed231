// Lets Backstage read from the git host like from any SCM: the catalog reads a new component's
// catalog-info.yaml, and fetch:* actions can read templates or trees. It reads the repositories
// from disk: the embedded host is one backend process with its repositories beside it.
import {
  createServiceFactory,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceSearchOptions,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import {
  InputError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
} from '@backstage/errors';
import { runsInProduction } from '@internal/plugin-paved-node';
import { readAll } from './blobs';
import { readGitHostConfig } from './config';
import { RepositoryStore } from './RepositoryStore';

const SHAPE = /^([^/]+)\/([^/]+)\/(raw|blob|tree)\/(.+)$/;

export class GitHostUrlReader implements UrlReaderService {
  constructor(
    private readonly store: RepositoryStore,
    /** e.g. http://localhost:7007/api/git-host/ */
    private readonly baseUrl: string,
    private readonly trees: ReadTreeResponseFactory,
  ) {}

  private parse(url: string, kinds: string[]) {
    const match = SHAPE.exec(
      decodeURIComponent(url.slice(this.baseUrl.length).split('?')[0]),
    );
    if (!match || !kinds.includes(match[3])) {
      throw new InputError(
        `${url} is not a git host URL of the form ${
          this.baseUrl
        }<owner>/<name>/${kinds.join('|')}/<ref>/<path>`,
      );
    }
    const [, owner, name, , tail] = match;
    // Folder URLs end in '/' when made relative to a file (TechDocs' `dir:.`).
    return { owner, name, tail: tail.replace(/\/+$/, '') };
  }

  /** The repository, commit and path a URL names; NotFoundError when there is no such thing. */
  private async locate(url: string, kinds: string[], pathRequired: boolean) {
    const { owner, name, tail } = this.parse(url, kinds);
    if (!(await this.store.exists(owner, name)))
      throw new NotFoundError(`${url}: no repository ${owner}/${name}`);
    const { commit, path } = await this.store.splitRefAndPath(
      owner,
      name,
      tail,
      pathRequired,
    );
    return { owner, name, commit, path };
  }

  async readUrl(url: string, options?: UrlReaderServiceReadUrlOptions) {
    const { owner, name, commit, path } = await this.locate(
      url,
      ['raw', 'blob'],
      true,
    );
    const file = await this.store.readFile(owner, name, commit, path);
    if (!file)
      throw new NotFoundError(`${url}: no file ${path} in ${owner}/${name}`);
    if (options?.etag === file.blob) throw new NotModifiedError();
    return {
      buffer: () => readAll(file.open()),
      stream: () => file.open(),
      etag: file.blob,
    };
  }

  async readTree(url: string, options?: UrlReaderServiceReadTreeOptions) {
    const { owner, name, commit, path } = await this.locate(
      url,
      // TechDocs resolves `dir:.` against the catalog-info.yaml URL, so a folder may come as blob/.
      ['tree', 'blob'],
      false,
    );
    if (options?.etag === commit) throw new NotModifiedError();
    return this.trees.fromTarArchive({
      stream: this.store.archive(owner, name, commit, path),
      subpath: path,
      etag: commit,
      filter: options?.filter,
    });
  }

  /** The catalog looks locations up through search; a URL without a glob is one file. */
  async search(url: string, options?: UrlReaderServiceSearchOptions) {
    if (/[*?[\]{}]/.test(url.slice(this.baseUrl.length))) {
      throw new NotImplementedError(
        `${url}: the embedded git host does not search with globs; register the file's URL instead`,
      );
    }
    try {
      const file = await this.readUrl(url, options);
      return {
        etag: file.etag!,
        files: [{ url, content: file.buffer }],
      };
    } catch (error) {
      // A missing file is an empty search result, as with the other readers.
      if ((error as Error).name === 'NotFoundError')
        return { etag: '', files: [] };
      throw error;
    }
  }

  toString() {
    return `git-host{base=${this.baseUrl}}`;
  }
}

export const gitHostReaderFactory: ReaderFactory = ({
  config,
  treeResponseFactory,
}) => {
  // As the plugin: no embedded git host in production, so nothing to read from it.
  if (runsInProduction(config)) return [];
  const baseUrl = `${config
    .getString('backend.baseUrl')
    .replace(/\/+$/, '')}/api/git-host/`;
  const settings = readGitHostConfig(config);
  const store = new RepositoryStore(settings.directory, {
    timeoutMs: settings.gitTimeoutMs,
    maxBlobSizeBytes: settings.maxBlobSizeBytes,
  });
  const reader = new GitHostUrlReader(store, baseUrl, treeResponseFactory);
  return [{ predicate: (url: URL) => url.href.startsWith(baseUrl), reader }];
};

/** Add with `backend.add(gitHostUrlReaderServiceFactory)` so every plugin can read the git host. */
export const gitHostUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return gitHostReaderFactory;
  },
});
