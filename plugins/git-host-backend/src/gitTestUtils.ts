// Helpers for the tests that drive the git host with the real git CLI over HTTP.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const tmp = (prefix: string) =>
  fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** git in `cwd` as a person would run it, sending `authorization` to the host if given. */
export async function git(cwd: string, args: string[], authorization?: string) {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...(authorization
      ? {
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraHeader',
          GIT_CONFIG_VALUE_0: `Authorization: ${authorization}`,
        }
      : {}),
  };
  return (await run('git', args, { cwd, env })).stdout;
}

/** git's error output when the command fails; throws when it succeeds. */
export async function gitFails(
  cwd: string,
  args: string[],
  authorization?: string,
): Promise<string> {
  try {
    await git(cwd, args, authorization);
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
  throw new Error(`git ${args.join(' ')} succeeded`);
}

/** A new local repository with one commit of the given files. */
export async function commitFiles(files: Record<string, string>) {
  const work = tmp('git-work-');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), content);
  }
  await git(work, ['init', '-q', '-b', 'main']);
  await git(work, ['add', '.']);
  await git(work, ['commit', '-q', '-m', 'first']);
  return work;
}

/** Installs an executable hook in a bare repository. */
export function installHook(gitDir: string, hook: string, script: string) {
  const file = path.join(gitDir, 'hooks', hook);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
}
