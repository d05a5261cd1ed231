// Every git process this plugin starts goes through here: an argument array (never a shell),
// an environment with none of the backend's secrets (childProcessEnv: a hook or a stray GIT_DIR
// in the backend's environment sees nothing), and a time limit after which git is killed.
import { ServiceUnavailableError } from '@backstage/errors';
import { childProcessEnv } from '@internal/plugin-paved-node';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

const GIT = 'git';
/** Used where no limit is given (start-up checks); requests pass gitHost.gitTimeoutSeconds. */
const DEFAULT_TIMEOUT_MS = 120_000;

/** The environment for git: the minimal child environment plus `extra`. */
export function gitEnvironment(
  extra: Record<string, string | undefined> = {},
): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) defined[key] = value;
  }
  // Never ask for credentials on a terminal; pathspecs are literal paths, not globs.
  return childProcessEnv({
    GIT_TERMINAL_PROMPT: '0',
    GIT_LITERAL_PATHSPECS: '1',
    ...defined,
  });
}

/**
 * A git command that exited with a non-zero status. Its message names the command only: git's
 * stderr (paths on the server's disk, hook output) is kept in `stderr` for the server's log and
 * never reaches a caller through the error response.
 */
export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args[0]?.startsWith('--git-dir') ? args[1] : args[0]} failed${
        exitCode === null ? '' : ` with exit code ${exitCode}`
      }`,
    );
    this.name = 'GitCommandError';
  }
}

/** git ran past its time limit and was killed (503: the caller may try again). */
export class GitTimeoutError extends ServiceUnavailableError {
  constructor(timeoutMs: number) {
    super(
      `git did not finish within ${Math.round(
        timeoutMs / 1000,
      )} seconds and was stopped; try again, or ask the platform team to raise gitHost.gitTimeoutSeconds`,
    );
  }
}

export interface GitOptions {
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * Runs git to completion and returns its stdout. `input` is written to stdin.
 * Rejects with a `GitCommandError` on a non-zero exit, a `GitTimeoutError` past the limit.
 */
export function runGit(args: string[], options: GitOptions = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      GIT,
      args,
      {
        env: gitEnvironment(options.env),
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error) {
          const { code, killed } = error as {
            code?: unknown;
            killed?: boolean;
          };
          if (killed) reject(new GitTimeoutError(timeoutMs));
          else if (typeof code === 'number')
            reject(new GitCommandError(args, code, stderr));
          else reject(error);
          return;
        }
        resolve(stdout);
      },
    );
    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    }
  });
}

/**
 * Starts git with streaming stdio; the caller owns the process. Past `timeoutMs` the whole
 * process group (git and what it started: receive-pack, hooks) is killed and the child emits
 * 'timeout' before 'close'.
 */
export function spawnGit(
  args: string[],
  options: Omit<GitOptions, 'input'> = {},
): ChildProcess {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Its own process group, so a timeout reaches the processes git itself spawned.
  const child = spawn(GIT, args, {
    env: gitEnvironment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const timer = setTimeout(() => {
    child.emit('timeout', new GitTimeoutError(timeoutMs));
    killGroup(child);
  }, timeoutMs);
  child.on('close', () => clearTimeout(timer));
  child.on('error', () => clearTimeout(timer));
  return child;
}

/** Kills a child started by spawnGit together with everything it started. */
export function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Throws an error naming what to install when git (with http-backend) is missing. */
export async function assertGitAvailable(): Promise<void> {
  try {
    const execPath = (await runGit(['--exec-path'])).trim();
    // http-backend ships separately on some distributions (e.g. git-daemon packages).
    await fs.access(path.join(execPath, 'git-http-backend'), fsConstants.X_OK);
  } catch (error) {
    throw new Error(
      `The git host needs the git CLI, including 'git http-backend', on the PATH of the backend: ${
        (error as Error).message
      }`,
    );
  }
}
