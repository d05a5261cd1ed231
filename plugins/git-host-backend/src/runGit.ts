// Every git process this plugin starts goes through here: an argument array (never a shell)
// and an environment without the caller's GIT_* variables, so a stray GIT_DIR or
// GIT_WORK_TREE in the backend's environment cannot redirect a command to another repo.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

const GIT = 'git';

/** The environment for git: the backend's, minus GIT_*, plus `extra`. */
export function gitEnvironment(
  extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) {
      env[key] = value;
    }
  }
  // Never ask for credentials on a terminal; pathspecs are literal paths, not globs.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_LITERAL_PATHSPECS = '1';
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) {
      env[key] = value;
    }
  }
  return env;
}

/** A git command that exited with a non-zero status. */
export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args[0] === '--git-dir' ? args[2] : args[0]} failed${
        exitCode === null ? '' : ` with exit code ${exitCode}`
      }: ${stderr.trim() || 'no error output'}`,
    );
    this.name = 'GitCommandError';
  }
}

/**
 * Runs git to completion and returns its stdout. `input` is written to stdin.
 * Rejects with a `GitCommandError` on a non-zero exit.
 */
export function runGit(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      GIT,
      args,
      {
        env: gitEnvironment(options.env),
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as { code?: unknown }).code;
          reject(
            typeof code === 'number'
              ? new GitCommandError(args, code, stderr)
              : error,
          );
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

/** Starts git with streaming stdio; the caller owns the process. */
export function spawnGit(
  args: string[],
  options: { env?: Record<string, string | undefined> } = {},
): ChildProcess {
  return spawn(GIT, args, {
    env: gitEnvironment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
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
