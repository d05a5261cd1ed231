import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { permissionModulePavedPolicy } from './module';
import {
  exampleOrganisation,
  exampleUserInfo,
} from './__testUtils__/exampleOrganisation';

async function startWith(config: object) {
  const entities = exampleOrganisation();
  return startTestBackend({
    features: [
      permissionPlugin,
      permissionModulePavedPolicy,
      catalogServiceMock.factory({ entities }),
      exampleUserInfo(entities).factory,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true }, ...config },
      }),
    ],
  });
}

describe('permissionModulePavedPolicy in a backend', () => {
  it('decides for the real permission backend, per person', async () => {
    const entities = exampleOrganisation();
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModulePavedPolicy,
        catalogServiceMock.factory({ entities }),
        exampleUserInfo(entities).factory,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const ask = async (userName: string, permissionName: string) => {
      const res = await request(server)
        .post('/api/permission/authorize')
        .set(
          'authorization',
          mockCredentials.user.header(`user:default/${userName}`),
        )
        .send({
          items: [
            {
              id: '1',
              permission: {
                type: 'basic',
                name: permissionName,
                attributes: {},
              },
            },
          ],
        });
      expect(res.status).toBe(200);
      return res.body.items[0].result;
    };
    expect(await ask('priya.raman', 'kubernetes.proxy')).toBe('ALLOW');
    expect(await ask('kwame.mensah', 'kubernetes.proxy')).toBe('DENY');
    expect(await ask('kwame.mensah', 'catalog.entity.create')).toBe('DENY');
    expect(await ask('kwame.mensah', 'scaffolder.task.create')).toBe('ALLOW');
  });

  it('stops the backend with the field named when paved.permissions is wrong', async () => {
    await expect(
      startWith({
        paved: { permissions: { platformTeam: 'user:default/amara.okafor' } },
      }),
    ).rejects.toThrow(
      /paved\.permissions\.platformTeam: expected a Group entity ref/,
    );
    await expect(
      startWith({
        paved: { permissions: { viewers: 'group:default/payments' } },
      }),
    ).rejects.toThrow(/paved\.permissions\.viewers/);
    await expect(
      startWith({
        paved: { permissions: { platfromTeam: 'group:default/x' } },
      }),
    ).rejects.toThrow(/platfromTeam/);
  });
});
