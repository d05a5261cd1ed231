// In production the embedded git host is off: its repositories would live on one replica's disk.
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { gitHostPlugin } from './plugin';
import { gitHostReaderFactory } from './urlReader';

const config = (directory: string, environment: string) => ({
  backend: { baseUrl: 'http://localhost:7007' },
  auth: { environment },
  gitHost: { directory, anonymousRead: true },
});

async function start(environment: string) {
  const directory = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'git-host-prod-')),
    'git',
  );
  const backend = await startTestBackend({
    features: [
      gitHostPlugin,
      mockServices.rootConfig.factory({
        data: config(directory, environment),
      }),
    ],
  });
  return { backend, directory };
}

describe('the embedded git host in production', () => {
  it('serves nothing and creates no directory when auth.environment is production', async () => {
    const { backend, directory } = await start('production');
    try {
      const res = await request(backend.server).get(
        '/api/git-host/repositories',
      );
      expect(res.status).toBe(404);
      expect(fs.existsSync(directory)).toBe(false);
    } finally {
      await backend.stop();
    }
  });

  it('still serves in development (the same config otherwise)', async () => {
    const { backend, directory } = await start('development');
    try {
      const res = await request(backend.server)
        .get('/api/git-host/repositories')
        .set('authorization', 'Bearer mock-user-token');
      expect(res.status).toBe(200);
      expect(fs.existsSync(directory)).toBe(true);
    } finally {
      await backend.stop();
    }
  });

  it('gives the URL reader nothing to read in production', () => {
    const factories = (environment: string) =>
      gitHostReaderFactory({
        config: new ConfigReader(config('/nonexistent', environment)),
        logger: mockServices.logger.mock(),
        treeResponseFactory: {} as ReadTreeResponseFactory,
      });
    expect(factories('production')).toEqual([]);
    expect(factories('development')).toHaveLength(1);
  });
});
