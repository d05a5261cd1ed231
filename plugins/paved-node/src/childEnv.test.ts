import { childProcessEnv } from './childEnv';

describe('childProcessEnv', () => {
  it('passes PATH and the CA bundle but none of the backend secrets', () => {
    const env = childProcessEnv(
      { GIT_DIR: '/repo' },
      {
        PATH: '/usr/bin',
        NODE_EXTRA_CA_CERTS: '/ca.pem',
        POSTGRES_PASSWORD: 'canary-db',
        GITHUB_TOKEN: 'canary-scm',
        BACKEND_SECRET: 'canary-secret',
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
      GIT_DIR: '/repo',
    });
  });
});
