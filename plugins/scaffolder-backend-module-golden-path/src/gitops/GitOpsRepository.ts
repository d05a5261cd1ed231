// Commits manifests to the GitOps repository: create-or-get the repository, write the files, push;
// a file that is already there with the same content is left alone (a retried task changes
// nothing), one written by another task is a conflict, and a push that lost a race is rebased and
// tried again.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { parse } from 'yaml';
import { GoldenPathConfig } from '../config/goldenPathConfig';
import { git, remoteBranchCommit } from '../scm/gitCli';
import { RepositoryHost } from '../scm/RepositoryHost';
import { initialGitopsFiles } from './gitopsLayout';

/** Which scaffolder task wrote a manifest (the same annotation ManifestDelivery checks). */
const TASK_ANNOTATION = 'paved.dev/scaffolder-task';

export interface GitOpsFile {
  path: string;
  content: string;
}

export interface GitOpsWriteResult {
  /** Files this call added or changed. */
  written: string[];
  /** Files that were already there with the same content. */
  unchanged: string[];
  /** The commit the branch points at afterwards. */
  commit: string;
  /** Browser URLs of the files. */
  urls: Record<string, string>;
}

// Every task writes the one GitOps branch, from every replica: 20 tasks at once on two replicas
// (the replicas check) lost up to 10 pushes in a row with 5 immediate attempts. Each lost race
// waits a random, growing delay before it clones the new tip, so the contenders spread out.
const PUSH_ATTEMPTS = 30;
const PUSH_BACKOFF_BASE_MS = 100;
const PUSH_BACKOFF_MAX_MS = 3000;

/** A push refused because the branch moved meanwhile (git's and the hosts' wordings). */
function lostPushRace(error: unknown): boolean {
  return /fetch first|non-fast-forward|cannot lock ref|failed to update ref|stale info|\[rejected\]|\[remote rejected\]/.test(
    String((error as Error)?.message ?? error),
  );
}

/** Full-jitter exponential backoff: a random wait up to base × 2^attempt, capped. */
function pushBackoff(attempt: number, signal?: AbortSignal): Promise<void> {
  const cap = Math.min(
    PUSH_BACKOFF_MAX_MS,
    PUSH_BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, Math.random() * cap);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
const BOOTSTRAP_CLAIM = 'paved-gitops-bootstrap';

export class GitOpsRepository {
  constructor(
    private readonly host: RepositoryHost,
    private readonly config: Pick<
      GoldenPathConfig,
      'argocd' | 'environments' | 'delivery'
    >,
  ) {}

  get location() {
    return {
      owner: this.config.delivery.gitopsOwner,
      name: this.config.delivery.gitopsRepository,
    };
  }

  get urls() {
    return this.host.urls(this.location);
  }

  /** The error for a file another task wrote: the service name is taken there. */
  taken(file: string) {
    return new ConflictError(
      `${file} already exists in the GitOps repository (${this.fileUrl(
        file,
      )}), written by another task: the name is taken in this environment; choose another service name.`,
    );
  }

  fileUrl(file: string) {
    return this.urls.fileUrl(this.config.delivery.gitopsBranch, file);
  }

  /** Files as they are on the branch now (undefined where missing), without changing anything. */
  async read(
    files: string[],
    workDir: string,
    signal?: AbortSignal,
  ): Promise<Record<string, string | undefined>> {
    const dir = await this.checkout(workDir, false, signal);
    const out: Record<string, string | undefined> = {};
    for (const file of files) {
      out[file] = dir
        ? await fs.readFile(path.join(dir, file), 'utf8').catch(() => undefined)
        : undefined;
    }
    return out;
  }

  async write(
    files: GitOpsFile[],
    options: {
      workDir: string;
      taskId: string;
      message: string;
      /** The task's abort signal; every git command also has its own deadline. */
      signal?: AbortSignal;
    },
  ): Promise<GitOpsWriteResult> {
    const { signal } = options;
    await this.ensureExists();
    const authorization = await this.host.gitAuthorization();
    const branch = this.config.delivery.gitopsBranch;
    for (let attempt = 1; ; attempt++) {
      const dir = (await this.checkout(options.workDir, true, signal))!;
      const written: string[] = [];
      const unchanged: string[] = [];
      for (const file of files) {
        const target = path.join(dir, file.path);
        const existing = await fs
          .readFile(target, 'utf8')
          .catch(() => undefined);
        if (existing === file.content) {
          unchanged.push(file.path);
          continue;
        }
        if (existing !== undefined && taskOf(existing) !== options.taskId) {
          throw this.taken(file.path);
        }
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, file.content);
        written.push(file.path);
      }
      const urls = Object.fromEntries(
        files.map(f => [f.path, this.fileUrl(f.path)]),
      );
      if (!written.length) {
        const commit = (
          await git(['rev-parse', 'HEAD'], { cwd: dir, signal })
        ).trim();
        return { written, unchanged, commit, urls };
      }
      await git(['add', '--', ...written], { cwd: dir, signal });
      await git(['commit', '--quiet', '--no-verify', '-m', options.message], {
        cwd: dir,
        signal,
      });
      try {
        await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], {
          cwd: dir,
          authorization,
          signal,
        });
        const commit = (
          await git(['rev-parse', 'HEAD'], { cwd: dir, signal })
        ).trim();
        return { written, unchanged, commit, urls };
      } catch (error) {
        // Another task pushed first: start again from the new tip. Anything else (rights, a
        // host that is down) is said at once.
        if (!lostPushRace(error) || attempt >= PUSH_ATTEMPTS || signal?.aborted)
          throw error;
        await pushBackoff(attempt, signal);
      }
    }
  }

  /** Creates the repository with its initial layout if it does not exist yet. */
  private async ensureExists(): Promise<void> {
    const location = this.location;
    if (!(await this.host.find(location))) {
      await this.host
        .create({
          ...location,
          description:
            'Argo CD applications and infrastructure claims (app of apps), written by the Paved golden path.',
          claim: BOOTSTRAP_CLAIM,
        })
        .catch(error => {
          // Created meanwhile by a task running at the same time: fine.
          if (error?.name !== 'ConflictError') throw error;
        });
    }
  }

  /**
   * A fresh clone of the branch in a new folder under workDir; an empty repository gets its
   * initial commit first. Without `create`, returns undefined for a repository that does not exist.
   */
  private async checkout(
    workDir: string,
    create: boolean,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const { cloneUrl } = this.urls;
    const branch = this.config.delivery.gitopsBranch;
    const authorization = await this.host.gitAuthorization();
    const dir = await fs.mkdtemp(path.join(workDir, 'gitops-'));
    if (!(await this.host.find(this.location))) {
      if (!create) return undefined;
    }
    const tip = await remoteBranchCommit({
      cwd: dir,
      remoteUrl: cloneUrl,
      branch,
      authorization,
      signal,
    });
    if (!tip) {
      if (!create) return undefined;
      await git(['init', '--quiet', `--initial-branch=${branch}`], {
        cwd: dir,
        signal,
      });
      await git(['remote', 'add', 'origin', cloneUrl], { cwd: dir, signal });
      for (const file of initialGitopsFiles(this.config, cloneUrl, branch)) {
        await fs.mkdir(path.dirname(path.join(dir, file.path)), {
          recursive: true,
        });
        await fs.writeFile(path.join(dir, file.path), file.content);
      }
      await git(['add', '--all'], { cwd: dir, signal });
      await git(
        [
          'commit',
          '--quiet',
          '-m',
          'Initial layout: app of apps per environment',
        ],
        { cwd: dir, signal },
      );
      try {
        await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], {
          cwd: dir,
          authorization,
          signal,
        });
        return dir;
      } catch {
        // Someone else initialised it at the same moment: use theirs.
        return this.checkout(workDir, create, signal);
      }
    }
    await git(
      [
        'clone',
        '--quiet',
        '--depth',
        '1',
        '--branch',
        branch,
        '--',
        cloneUrl,
        dir,
      ],
      { cwd: workDir, authorization, signal },
    );
    return dir;
  }
}

function taskOf(manifestYaml: string): string | undefined {
  try {
    return parse(manifestYaml)?.metadata?.annotations?.[TASK_ANNOTATION];
  } catch {
    return undefined;
  }
}
