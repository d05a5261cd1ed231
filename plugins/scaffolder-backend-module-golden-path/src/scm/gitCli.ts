// Real git, spawned with argument arrays (never a shell). Credentials travel as an HTTP header in
// GIT_CONFIG_* environment variables: not in the argument list (visible to `ps`), not on disk, and
// never logged. git sees only childProcessEnv (PATH, HOME, locale, CA), never the backend's secrets,
// and every command has a deadline, so a host that stops answering cannot hold a task for ever.
import { execFile } from 'node:child_process';
import { childProcessEnv, deadline } from '@internal/plugin-paved-node';

export interface GitOptions {
  cwd: string;
  /** Value of the Authorization header git sends to the remote, if any. */
  authorization?: string;
  /** The task's abort signal (ctx.signal): a cancelled task stops its git commands. */
  signal?: AbortSignal;
  /** Deadline of this command (default GIT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Clone, fetch and push of a small repository take seconds; two minutes means the host hangs. */
export const GIT_TIMEOUT_MS = 120_000;

export const GIT_AUTHOR = {
  name: 'Paved golden path',
  email: 'golden-path@paved.local',
};

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    reason?: string,
  ) {
    const command = args.find(arg => !arg.startsWith('-')) ?? args[0];
    super(`git ${command} failed: ${reason ?? (stderr.trim() || 'no output')}`);
  }
}

export function git(args: string[], options: GitOptions): Promise<string> {
  const extra: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: GIT_AUTHOR.name,
    GIT_AUTHOR_EMAIL: GIT_AUTHOR.email,
    GIT_COMMITTER_NAME: GIT_AUTHOR.name,
    GIT_COMMITTER_EMAIL: GIT_AUTHOR.email,
  };
  if (options.authorization) {
    extra.GIT_CONFIG_COUNT = '1';
    extra.GIT_CONFIG_KEY_0 = 'http.extraHeader';
    extra.GIT_CONFIG_VALUE_0 = `Authorization: ${options.authorization}`;
  }
  const env = childProcessEnv(extra);
  const timeoutMs = options.timeoutMs ?? GIT_TIMEOUT_MS;
  const signal = deadline(timeoutMs, options.signal);
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env,
        signal,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) resolve(String(stdout));
        else if (options.signal?.aborted)
          reject(new GitCommandError(args, '', 'the task was cancelled'));
        else if (signal.aborted)
          reject(
            new GitCommandError(
              args,
              '',
              `no answer within ${
                timeoutMs / 1000
              } s; check that the git host is reachable, then retry the task`,
            ),
          );
        else reject(new GitCommandError(args, String(stderr)));
      },
    );
  });
}

/**
 * Commits everything in `dir` as the first commit of `branch` and pushes it to `remoteUrl`. The
 * git metadata lives in `gitDir` (a temporary directory), so the task's workspace stays as the
 * skeleton rendered it for the steps after this one.
 */
export async function pushNewRepository(options: {
  dir: string;
  gitDir: string;
  remoteUrl: string;
  branch: string;
  message: string;
  authorization?: string;
  signal?: AbortSignal;
}): Promise<string> {
  const run = (args: string[], authorization?: string) =>
    git(
      [`--git-dir=${options.gitDir}`, `--work-tree=${options.dir}`, ...args],
      {
        cwd: options.dir,
        authorization,
        signal: options.signal,
      },
    );
  await run(['init', '--quiet', `--initial-branch=${options.branch}`]);
  await run(['add', '--all']);
  await run(['commit', '--quiet', '--no-verify', '-m', options.message]);
  await run(
    [
      'push',
      '--quiet',
      '--',
      options.remoteUrl,
      `HEAD:refs/heads/${options.branch}`,
    ],
    options.authorization,
  );
  return (await run(['rev-parse', 'HEAD'])).trim();
}

/** The commit a remote branch points at, or undefined when the branch does not exist. */
export async function remoteBranchCommit(options: {
  cwd: string;
  remoteUrl: string;
  branch: string;
  authorization?: string;
  signal?: AbortSignal;
}): Promise<string | undefined> {
  const out = await git(
    ['ls-remote', '--heads', '--', options.remoteUrl, options.branch],
    {
      cwd: options.cwd,
      authorization: options.authorization,
      signal: options.signal,
    },
  );
  return out.trim().split(/\s+/)[0] || undefined;
}
