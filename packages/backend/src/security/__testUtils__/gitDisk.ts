// The git host's repositories as files on disk: what the suite counts to prove that a refused
// request created nothing, and where it plants repositories and hooks.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';

export function git(
  args: string[],
  cwd?: string,
  env?: NodeJS.ProcessEnv,
): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env },
  });
}

/**
 * git against the backend in this process: asynchronous, since a synchronous child would block
 * the event loop that has to answer it.
 */
export async function gitOverHttp(
  args: string[],
  cwd?: string,
): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/** `owner/name` → the number of commits on all its refs, for every repository on disk. */
export function repositoryCommits(
  gitDirectory: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (!fs.existsSync(gitDirectory)) return out;
  for (const owner of fs.readdirSync(gitDirectory)) {
    const ownerDir = path.join(gitDirectory, owner);
    if (!fs.statSync(ownerDir).isDirectory()) continue;
    for (const repo of fs.readdirSync(ownerDir)) {
      if (!repo.endsWith('.git')) continue;
      const dir = path.join(ownerDir, repo);
      const count = git(['rev-list', '--all', '--count'], dir).trim();
      out[`${owner}/${repo.slice(0, -4)}`] = Number(count);
    }
  }
  return out;
}

/** Files anywhere under `dir` (relative paths), for "no file was written" checks. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** A bare repository `owner/name` on disk with one commit on main holding `files`. */
export function plantRepository(
  gitDirectory: string,
  ownerName: string,
  files: Record<string, string>,
): string {
  const bare = path.join(gitDirectory, `${ownerName}.git`);
  fs.mkdirSync(bare, { recursive: true });
  git(['init', '--bare', '--initial-branch=main', bare]);
  const work = fs.mkdtempSync(`${bare}-work-`);
  git(['init', '--initial-branch=main', work]);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), content);
  }
  const author = {
    GIT_AUTHOR_NAME: 'Security Suite',
    GIT_AUTHOR_EMAIL: 'suite@paved.example',
    GIT_COMMITTER_NAME: 'Security Suite',
    GIT_COMMITTER_EMAIL: 'suite@paved.example',
  };
  git(['add', '--all'], work);
  git(['commit', '-m', 'planted by the security suite'], work, author);
  git(['push', bare, 'HEAD:main'], work);
  fs.rmSync(work, { recursive: true, force: true });
  return bare;
}
