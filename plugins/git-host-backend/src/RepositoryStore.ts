// The bare repositories on disk: `<directory>/<owner>/<name>.git`. Every name is validated and
// every resolved path checked to stay inside the directory before git sees it.
import { ConflictError, NotFoundError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Blob, BlobLimits, openBlob } from './blobs';
import { validateRepositoryName } from './repositoryName';
import { refAndPathCandidates, validateRef } from './refAndPath';
import { killGroup, runGit, spawnGit } from './runGit';

export interface RepositoryInfo {
  owner: string;
  name: string;
  description: string;
  defaultBranch: string;
  /** True until something is pushed. */
  empty: boolean;
  /** The opaque claim given at creation (a scaffolder task id), if any. */
  claim?: string;
}

const DEFAULT_BRANCH = 'main';

/**
 * History is never rewritten or deleted through a push: a repository is the record of what was
 * deployed. Set in every new repository and passed to every `git http-backend` (for old ones).
 */
export const RECEIVE_RULES: Record<string, string> = {
  'receive.denyNonFastForwards': 'true',
  'receive.denyDeletes': 'true',
};

const DEFAULT_LIMITS: BlobLimits = {
  timeoutMs: 120_000,
  maxBlobSizeBytes: 10 * 1024 * 1024,
};

export class RepositoryStore {
  constructor(
    readonly root: string,
    readonly limits: BlobLimits = DEFAULT_LIMITS,
  ) {}

  /** Absolute path of a repository; throws InputError for a name that is not allowed. */
  gitDir(owner: unknown, name: unknown): string {
    const valid = validateRepositoryName(owner, name);
    const dir = path.resolve(this.root, valid.owner, `${valid.name}.git`);
    if (!dir.startsWith(path.resolve(this.root) + path.sep)) {
      throw new Error(`Repository path escapes ${this.root}`);
    }
    return dir;
  }

  private git(gitDir: string, args: string[]) {
    return runGit([`--git-dir=${gitDir}`, ...args], {
      timeoutMs: this.limits.timeoutMs,
    });
  }

  async exists(owner: string, name: string): Promise<boolean> {
    return fs
      .stat(path.join(this.gitDir(owner, name), 'HEAD'))
      .then(() => true)
      .catch(() => false);
  }

  async get(owner: string, name: string): Promise<RepositoryInfo | undefined> {
    const gitDir = this.gitDir(owner, name);
    if (!(await this.exists(owner, name))) return undefined;
    const description = await fs
      .readFile(path.join(gitDir, 'description'), 'utf8')
      .catch(() => '');
    const claim = (
      await this.git(gitDir, ['config', '--get', 'paved.claim']).catch(() => '')
    ).trim();
    const empty = !(await this.resolveRef(owner, name, DEFAULT_BRANCH));
    return {
      owner,
      name,
      description: description.startsWith('Unnamed repository')
        ? ''
        : description.trim(),
      defaultBranch: DEFAULT_BRANCH,
      empty,
      ...(claim ? { claim } : {}),
    };
  }

  async list(): Promise<RepositoryInfo[]> {
    const owners = await fs.readdir(this.root).catch(() => [] as string[]);
    const repos: RepositoryInfo[] = [];
    for (const owner of owners.sort()) {
      const names = await fs
        .readdir(path.join(this.root, owner))
        .catch(() => [] as string[]);
      for (const entry of names.sort()) {
        if (!entry.endsWith('.git')) continue;
        try {
          const info = await this.get(owner, entry.slice(0, -4));
          if (info) repos.push(info);
        } catch {
          // Not a name this host would create: not ours to list.
        }
      }
    }
    return repos;
  }

  /**
   * Creates an empty bare repository. A repository that exists is returned as it is when
   * `claim` matches the one it was created with (a retry of the same task), else a conflict.
   */
  async create(options: {
    owner: string;
    name: string;
    description?: string;
    claim?: string;
  }): Promise<{ info: RepositoryInfo; created: boolean }> {
    const gitDir = this.gitDir(options.owner, options.name);
    await fs.mkdir(path.dirname(gitDir), { recursive: true });
    try {
      // mkdir without `recursive` is atomic: of two concurrent creations exactly one wins.
      await fs.mkdir(gitDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = await this.waitUntilInitialised(
        options.owner,
        options.name,
      );
      if (!existing) {
        // A creation that died half-way (the backend was killed between mkdir and git init)
        // left an empty folder: nothing is in it, so this creation takes its place.
        await fs.rm(gitDir, { recursive: true, force: true });
        return this.create(options);
      }
      if (options.claim && existing?.claim === options.claim) {
        return { info: existing, created: false };
      }
      throw new ConflictError(
        `Repository ${options.owner}/${options.name} already exists; choose another name`,
      );
    }
    try {
      await runGit(
        [
          'init',
          '--quiet',
          '--bare',
          `--initial-branch=${DEFAULT_BRANCH}`,
          '--',
          gitDir,
        ],
        { timeoutMs: this.limits.timeoutMs },
      );
      const settings: Record<string, string> = {
        'http.receivepack': 'true',
        ...RECEIVE_RULES,
        ...(options.claim ? { 'paved.claim': options.claim } : {}),
      };
      for (const [key, value] of Object.entries(settings))
        await this.git(gitDir, ['config', '--', key, value]);
      await fs.writeFile(
        path.join(gitDir, 'description'),
        `${options.description ?? ''}\n`,
      );
    } catch (error) {
      await fs.rm(gitDir, { recursive: true, force: true });
      throw error;
    }
    return {
      info: (await this.get(options.owner, options.name))!,
      created: true,
    };
  }

  private async waitUntilInitialised(owner: string, name: string) {
    for (let i = 0; i < 50; i++) {
      const info = await this.get(owner, name);
      if (info) return info;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    return undefined;
  }

  /** The commit a ref names, or undefined. */
  async resolveRef(
    owner: string,
    name: string,
    ref: string,
  ): Promise<string | undefined> {
    const gitDir = this.gitDir(owner, name);
    validateRef(ref);
    const out = await this.git(gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${ref}^{commit}`,
    ]).catch(() => '');
    return out.trim() || undefined;
  }

  /**
   * The commits `to` brings over `from` (`from..to`), newest first, with their committer times
   * in UTC; without `from`, the `to` commit alone. For lead time: what a deploy brought.
   */
  async commits(
    owner: string,
    name: string,
    range: { to: string; from?: string },
    limit = 500,
  ): Promise<{ sha: string; committedAt: string }[] | undefined> {
    const to = await this.resolveRef(owner, name, range.to);
    const from = range.from
      ? await this.resolveRef(owner, name, range.from)
      : undefined;
    if (!to || (range.from && !from)) return undefined;
    const out = await this.git(this.gitDir(owner, name), [
      'log',
      `--max-count=${from ? limit : 1}`,
      '--format=%H %cI',
      '--end-of-options',
      from ? `${from}..${to}` : to,
    ]);
    return out
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [sha, time] = line.split(' ');
        return { sha, committedAt: new Date(time).toISOString() };
      });
  }

  /** Splits `<ref>/<path>` where the ref may contain '/', by asking which refs exist. */
  async splitRefAndPath(
    owner: string,
    name: string,
    tail: string,
    pathRequired: boolean,
  ) {
    for (const candidate of refAndPathCandidates(tail, { pathRequired })) {
      const commit = await this.resolveRef(owner, name, candidate.ref);
      if (commit) return { ...candidate, commit };
    }
    throw new NotFoundError(
      `No branch, tag or commit of ${owner}/${name} matches ${tail}`,
    );
  }

  async listFiles(
    owner: string,
    name: string,
    commit: string,
  ): Promise<string[]> {
    const out = await this.git(this.gitDir(owner, name), [
      'ls-tree',
      '-r',
      '--name-only',
      '-z',
      '--end-of-options',
      commit,
    ]);
    return out.split('\0').filter(Boolean);
  }

  /**
   * A file at a commit (its blob id, size and a stream of its bytes), or undefined when the path
   * is not a file there. A file over `limits.maxBlobSizeBytes` is a BlobTooLargeError (413).
   */
  async readFile(
    owner: string,
    name: string,
    commit: string,
    filePath: string,
  ): Promise<Blob | undefined> {
    const gitDir = this.gitDir(owner, name);
    const blob = (
      await this.git(gitDir, [
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${commit}:${filePath}`,
      ]).catch(() => '')
    ).trim();
    if (!blob) return undefined;
    return openBlob(gitDir, blob, this.limits, `${owner}/${name}:${filePath}`);
  }

  /** A tar archive of the tree at a commit (optionally one folder of it). */
  archive(
    owner: string,
    name: string,
    commit: string,
    subpath: string,
  ): Readable {
    // A top-level folder, as GitHub's and GitLab's archives have: Backstage's tree readers expect it.
    const args = [
      `--git-dir=${this.gitDir(owner, name)}`,
      'archive',
      '--format=tar',
      `--prefix=${name}/`,
      commit,
    ];
    // `commit` is a resolved object id. `--` makes the path a path whatever validation let
    // through (not --end-of-options: archive would then read a following `--` as a pathspec).
    if (subpath) args.push('--', subpath);
    const child = spawnGit(args, { timeoutMs: this.limits.timeoutMs });
    const out = child.stdout!;
    child.on('timeout', error => out.destroy(error));
    out.on('close', () => killGroup(child));
    return out;
  }
}
