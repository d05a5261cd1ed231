import authPlugin from '@backstage/plugin-auth-backend';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { authModulePavedGuestProvider } from './guestProvider';
import { authModulePavedTestProvider } from './pavedTestProvider';

const amara = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'amara.okafor', namespace: 'default' },
  spec: { memberOf: ['platform'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/platform' }],
};
const guest = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'guest', namespace: 'default' },
  spec: { memberOf: ['checkout'] },
};

function startAuth(auth: object) {
  return startTestBackend({
    features: [
      authPlugin,
      authModulePavedTestProvider,
      authModulePavedGuestProvider,
      catalogServiceMock.factory({ entities: [amara, guest] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth,
        },
      }),
    ],
  });
}

function claimsOf(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('paved-test sign-in', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  it('signs in the catalog User named in the header', async () => {
    const { server } = await startAuth({
      environment: 'development',
      providers: { 'paved-test': {} },
    });
    const res = await request(server)
      .get('/api/auth/paved-test/refresh')
      .set('x-paved-test-user', 'amara.okafor');
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.backstageIdentity.token).sub).toBe(
      'user:default/amara.okafor',
    );
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/amara.okafor',
      ownershipEntityRefs: expect.arrayContaining(['group:default/platform']),
    });
  });

  it('refuses a name the catalog does not know, and a missing or malformed header', async () => {
    const { server } = await startAuth({
      environment: 'development',
      providers: { 'paved-test': {} },
    });
    const refresh = (user?: string) => {
      const req = request(server).get('/api/auth/paved-test/refresh');
      return user === undefined ? req : req.set('x-paved-test-user', user);
    };
    expect((await refresh('nobody.here')).status).toBe(404);
    expect((await refresh()).status).toBe(401);
    expect((await refresh('user:default/amara.okafor')).status).toBe(401);
  });

  it('is not there unless configured', async () => {
    const { server } = await startAuth({ environment: 'development' });
    const res = await request(server)
      .get('/api/auth/paved-test/refresh')
      .set('x-paved-test-user', 'amara.okafor');
    expect(res.status).toBe(404);
    expect(res.body.backstageIdentity).toBeUndefined();
  });

  it('refuses to start when auth.environment is production', async () => {
    await expect(
      startAuth({
        environment: 'production',
        providers: { 'paved-test': {} },
      }),
    ).rejects.toThrow(
      /auth\.providers\.paved-test is configured, but this backend runs in production/,
    );
  });

  it('refuses to start when NODE_ENV is production', async () => {
    process.env.NODE_ENV = 'production';
    await expect(
      startAuth({
        environment: 'development',
        providers: { 'paved-test': {} },
      }),
    ).rejects.toThrow(/NODE_ENV=production/);
  });
});

describe('guest sign-in', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  it('signs in the configured catalog User in development', async () => {
    process.env.NODE_ENV = 'development';
    const { server } = await startAuth({
      environment: 'development',
      providers: { guest: { userEntityRef: 'user:default/guest' } },
    });
    const res = await request(server).get('/api/auth/guest/refresh');
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.backstageIdentity.token).sub).toBe(
      'user:default/guest',
    );
  });

  it('refuses sign-in outside development, as the stock guest does', async () => {
    process.env.NODE_ENV = 'test';
    const { server } = await startAuth({
      environment: 'development',
      providers: { guest: {} },
    });
    expect((await request(server).get('/api/auth/guest/refresh')).status).toBe(
      403,
    );
  });

  it('is not there when turned off with null, and the backend still starts', async () => {
    process.env.NODE_ENV = 'development';
    const { server } = await startAuth({
      environment: 'production',
      providers: { guest: null },
    });
    expect((await request(server).get('/api/auth/guest/refresh')).status).toBe(
      404,
    );
  });

  it('refuses to start when configured in production', async () => {
    await expect(
      startAuth({ environment: 'production', providers: { guest: {} } }),
    ).rejects.toThrow(/auth\.providers\.guest is configured/);
  });
});
