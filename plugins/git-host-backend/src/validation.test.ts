import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepositoryStore } from './RepositoryStore';
import { validateRepositoryName } from './repositoryName';
import {
  refAndPathCandidates,
  validateFilePath,
  validateRef,
} from './refAndPath';

describe('repository names', () => {
  it.each([
    ['..', 'x', /must not contain '\.\.'/],
    ['a/b', 'x', /single path segment/],
    ['team', '../../etc', /single path segment/],
    ['team', 'x.git', /must not end with '\.git'/],
    ['Team', 'x', /is invalid; use 1 to 100 lowercase letters/],
    ['-team', 'x', /is invalid/],
    ['team', '', /Repository name is required/],
    ['repositories', 'x', /is reserved/],
    ['team', '%2e%2e', /is invalid/],
  ])('refuses owner %j name %j', (owner, name, message) => {
    expect(() => validateRepositoryName(owner, name)).toThrow(message);
  });

  it('accepts the names the golden path makes', () => {
    expect(validateRepositoryName('checkout', 'orders-api')).toEqual({
      owner: 'checkout',
      name: 'orders-api',
    });
  });
});

describe('refs and paths', () => {
  it.each([
    ['--upload-pack=evil', /must not start with '-'/],
    ['main..other', /must not contain '\.\.'/],
    ['main^', /is invalid/],
    ['HEAD@{1}', /is invalid/],
  ])('refuses the ref %j', (ref, message) => {
    expect(() => validateRef(ref)).toThrow(message);
  });

  it.each([
    ['/etc/passwd', /relative to the repository root/],
    ['docs/../../x', /must not contain '\.\.' segments/],
    ['a\\b', /must use '\/'/],
  ])('refuses the path %j', (file, message) => {
    expect(() => validateFilePath(file)).toThrow(message);
  });

  it('splits <ref>/<path> every way a branch with slashes allows', () => {
    expect(
      refAndPathCandidates('feature/x/catalog-info.yaml', {
        pathRequired: true,
      }),
    ).toEqual([
      { ref: 'feature', path: 'x/catalog-info.yaml' },
      { ref: 'feature/x', path: 'catalog-info.yaml' },
    ]);
  });
});

describe('RepositoryStore after a crash', () => {
  it('creates a repository where a half-made one (no git init) was left behind', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'git-store-'));
    fs.mkdirSync(path.join(root, 'platform', 'gitops.git'), {
      recursive: true,
    });
    const store = new RepositoryStore(root);
    const { created, info } = await store.create({
      owner: 'platform',
      name: 'gitops',
      claim: 'c1',
    });
    expect(created).toBe(true);
    expect(info).toMatchObject({
      owner: 'platform',
      name: 'gitops',
      empty: true,
      claim: 'c1',
    });
  });
});

describe('paths that git could read as options', () => {
  it.each([['--output=/tmp/x'], ['docs/-x'], ['a/--end-of-options/b']])(
    'refuses %j, naming the segment',
    file => {
      expect(() => validateFilePath(file)).toThrow(/starts with '-'/);
    },
  );
});
