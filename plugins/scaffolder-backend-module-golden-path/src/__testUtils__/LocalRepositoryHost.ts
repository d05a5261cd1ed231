// A RepositoryHost made of bare repositories in a temporary folder, reached through file:// URLs:
// real git for the action tests without an HTTP server (the git-host plugin has its own tests,
// and the templates test runs both together).
import { ConflictError } from '@backstage/errors';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepositoryHost, RepositoryLocation } from '../scm/RepositoryHost';

export class LocalRepositoryHost implements RepositoryHost {
  readonly title = 'the test git host';
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-git-'));
  private readonly claims = new Map<string, string>();

  ownerFor(team: string) {
    return team;
  }

  private dir({ owner, name }: RepositoryLocation) {
    return path.join(this.root, owner, `${name}.git`);
  }

  urls(repo: RepositoryLocation) {
    const cloneUrl = `file://${this.dir(repo)}`;
    return {
      cloneUrl,
      webUrl: `https://git.example/${repo.owner}/${repo.name}`,
      fileUrl: (branch: string, file: string) =>
        `https://git.example/${repo.owner}/${repo.name}/blob/${branch}/${file}`,
    };
  }

  async find(repo: RepositoryLocation) {
    if (!fs.existsSync(this.dir(repo))) return undefined;
    return { claim: this.claims.get(this.dir(repo)) };
  }

  async create(
    repo: RepositoryLocation & { description?: string; claim: string },
  ) {
    const existing = await this.find(repo);
    if (existing) {
      if (existing.claim === repo.claim) return { created: false };
      throw new ConflictError(`${repo.owner}/${repo.name} already exists`);
    }
    fs.mkdirSync(this.dir(repo), { recursive: true });
    execFileSync('git', [
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      this.dir(repo),
    ]);
    this.claims.set(this.dir(repo), repo.claim);
    return { created: true };
  }

  async gitAuthorization() {
    return '';
  }

  /** Repositories that exist, as owner/name. */
  list(): string[] {
    if (!fs.existsSync(this.root)) return [];
    return fs
      .readdirSync(this.root)
      .flatMap(owner =>
        fs
          .readdirSync(path.join(this.root, owner))
          .map(name => `${owner}/${name.replace(/\.git$/, '')}`),
      );
  }

  /** Files on a branch and their contents (empty when the branch does not exist). */
  files(repo: RepositoryLocation, branch = 'main'): Record<string, string> {
    const gitDir = this.dir(repo);
    let names: string[];
    try {
      names = execFileSync(
        'git',
        ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', branch],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      )
        .split('\n')
        .filter(Boolean);
    } catch {
      return {};
    }
    return Object.fromEntries(
      names.map(name => [
        name,
        execFileSync(
          'git',
          ['--git-dir', gitDir, 'show', `${branch}:${name}`],
          {
            encoding: 'utf8',
          },
        ),
      ]),
    );
  }

  commitCount(repo: RepositoryLocation, branch = 'main'): number {
    try {
      return Number(
        execFileSync(
          'git',
          ['--git-dir', this.dir(repo), 'rev-list', '--count', branch],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          },
        ).trim(),
      );
    } catch {
      return 0;
    }
  }
}
