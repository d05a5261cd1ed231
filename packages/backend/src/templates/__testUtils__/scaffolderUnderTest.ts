import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import scaffolderFeatures from '../../features/scaffolder';
import {
  loadEntityFiles,
  repoRoot,
} from '../../catalog/__testUtils__/loadEntityFiles';
import path from 'node:path';

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
  const backend = await startTestBackend({
    features: [scaffolderFeatures, catalogServiceMock.factory({ entities })],
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
    async dryRun(body: object): Promise<DryRunResult> {
      const res = await request(server)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', auth)
        .send(body);
      return { status: res.status, body: res.body };
    },
  };
}
