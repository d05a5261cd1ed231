import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import gitHostPlugin from '@internal/plugin-git-host-backend';
import fs from 'node:fs';
import os from 'node:os';
import { parse } from 'yaml';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { serializeError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { validateEntity } from '../../catalog/__testUtils__/validateEntity';
import request from 'supertest';
import scaffolderFeatures from '../../features/scaffolder';
import {
  loadEntityFiles,
  repoRoot,
} from '../../catalog/__testUtils__/loadEntityFiles';
import path from 'node:path';

/**
 * The example organisation as the catalog, validating entities with the catalog's own policies
 * (the in-memory mock does not validate).
 */
function catalogWithValidation(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  catalog.validateEntity = async entity => {
    try {
      await validateEntity(entity);
      return { valid: true };
    } catch (error) {
      return { valid: false, errors: [serializeError(error as Error)] };
    }
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

export type DryRunResult = {
  status: number;
  body: {
    errors?: { message: string; property?: string }[];
    log?: { body: { message: string; stepId?: string; status?: string } }[];
    steps?: { id: string; action: string }[];
    output?: Record<string, unknown>;
    directoryContents?: { path: string; base64Content: string }[];
  };
};

/**
 * The portal's real scaffolder (the same plugin and action modules as packages/backend) in a
 * test backend, with the example organisation as its catalog.
 */
export async function startScaffolder() {
  const entities = loadEntityFiles(
    path.join(repoRoot, 'catalog', 'all.yaml'),
  ).map(l => l.entity);
  // The golden path as app-config.yaml configures it, with an embedded git host of its own.
  const appConfig = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const backend = await startTestBackend({
    features: [
      scaffolderFeatures,
      gitHostPlugin,
      catalogWithValidation(entities),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          paved: { goldenPath: appConfig.paved.goldenPath },
          gitHost: {
            directory: fs.mkdtempSync(path.join(os.tmpdir(), 'templates-git-')),
          },
        },
      }),
    ],
  });
  const auth = `Bearer ${mockCredentials.user.token('user:default/guest')}`;
  const server = backend.server;
  return {
    stop: () => backend.stop(),
    async actionIds(): Promise<string[]> {
      const res = await request(server)
        .get('/api/scaffolder/v2/actions')
        .set('Authorization', auth);
      if (res.status !== 200)
        throw new Error(`listing actions answered ${res.status}`);
      return res.body.map((a: { id: string }) => a.id);
    },
    /** Repositories on the test backend's git host (a dry run must leave it empty). */
    async repositories(): Promise<string[]> {
      const res = await request(server)
        .get('/api/git-host/repositories')
        .set('Authorization', auth);
      if (res.status !== 200)
        throw new Error(`listing repositories answered ${res.status}`);
      return res.body.items.map(
        (r: { owner: string; name: string }) => `${r.owner}/${r.name}`,
      );
    },
    async dryRun(body: object): Promise<DryRunResult> {
      const res = await request(server)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', auth)
        .send(body);
      return { status: res.status, body: res.body };
    },
  };
}
