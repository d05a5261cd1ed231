import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCluster, kubeConfigForCluster, readClusters } from './clusters';

const CA_DATA = Buffer.from('-----BEGIN CERTIFICATE-----\n...').toString(
  'base64',
);

function config(...clusters: object[]) {
  return new ConfigReader({
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        { type: 'catalog' },
        { type: 'config', clusters },
      ],
    },
  });
}

const production = {
  name: 'production',
  title: 'Production (eu-west-1)',
  url: 'https://k8s.prod.paved.example:6443',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'prod-token',
  caData: CA_DATA,
};

describe('readClusters', () => {
  it('reads the config locators, as the Kubernetes plugin does', () => {
    const clusters = readClusters(
      config(production, {
        name: 'dev',
        url: 'https://127.0.0.1:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'dev-token',
        caFile: '/etc/paved/dev-ca.crt',
        skipTLSVerify: true,
      }),
    );
    expect(clusters).toEqual([
      {
        name: 'production',
        title: 'Production (eu-west-1)',
        url: 'https://k8s.prod.paved.example:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'prod-token',
        caData: CA_DATA,
        caFile: undefined,
        skipTLSVerify: false,
        configKey: 'kubernetes.clusterLocatorMethods[1].clusters[0]',
      },
      {
        name: 'dev',
        url: 'https://127.0.0.1:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'dev-token',
        caData: undefined,
        caFile: '/etc/paved/dev-ca.crt',
        skipTLSVerify: true,
        configKey: 'kubernetes.clusterLocatorMethods[1].clusters[1]',
      },
    ]);
  });

  it('accepts the auth provider in authMetadata, as the Kubernetes plugin does', () => {
    const [cluster] = readClusters(
      config({
        name: 'meta',
        url: 'https://meta.example',
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 'meta-token',
        },
      }),
    );
    expect(cluster).toMatchObject({
      authProvider: 'serviceAccount',
      serviceAccountToken: 'meta-token',
    });
  });

  it('is empty without any kubernetes config', () => {
    expect(readClusters(new ConfigReader({}))).toEqual([]);
  });

  it('says which key to set when a cluster has no url', () => {
    const { url: _url, ...withoutUrl } = production;
    expect(() => readClusters(config(withoutUrl))).toThrow(
      "The cluster 'production' has no url: set kubernetes.clusterLocatorMethods[1].clusters[0].url in app-config to its API server's address (e.g. https://kubernetes.example.com:6443)",
    );
  });

  it('rejects an url that is not one, and duplicate names', () => {
    expect(() =>
      readClusters(config({ ...production, url: 'k8s.prod:6443' })),
    ).toThrow(/invalid url 'k8s.prod:6443'|only https:\/\//);
    expect(() => readClusters(config(production, production))).toThrow(
      "The cluster name 'production' is configured twice",
    );
  });

  it('never puts a token into an error message', () => {
    const attempts = [
      () => readClusters(config({ ...production, url: undefined })),
      () => findCluster(config(production), 'staging'),
      () =>
        kubeConfigForCluster(
          readClusters(config({ ...production, authProvider: 'aws' }))[0],
        ),
    ];
    const messageOf = (attempt: () => unknown) => {
      try {
        attempt();
      } catch (error) {
        return String(error);
      }
      return 'did not throw';
    };
    for (const attempt of attempts) {
      const message = messageOf(attempt);
      expect(message).not.toBe('did not throw');
      expect(message).not.toContain('prod-token');
    }
  });
});

describe('findCluster', () => {
  it('finds a cluster by name', () => {
    expect(findCluster(config(production), 'production').url).toBe(
      'https://k8s.prod.paved.example:6443',
    );
  });

  it('lists the configured clusters and where to configure them for an unknown name', () => {
    const dev = { ...production, name: 'dev' };
    expect(() => findCluster(config(production, dev), 'staging')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          "There is no Kubernetes cluster named 'staging'. The configured clusters are: 'production', 'dev'. Clusters are configured in app-config under kubernetes.clusterLocatorMethods (an entry with type: config and clusters: [{ name, url, authProvider: serviceAccount, serviceAccountToken, caData or caFile }])",
      }),
    );
    expect(() => findCluster(new ConfigReader({}), 'staging')).toThrow(
      "There is no Kubernetes cluster named 'staging'. No cluster is configured.",
    );
  });
});

describe('kubeConfigForCluster', () => {
  it('builds a kubeconfig with the service account token and the CA', () => {
    const kubeConfig = kubeConfigForCluster(
      findCluster(config(production), 'production'),
    );
    expect(kubeConfig.getCurrentCluster()).toEqual({
      name: 'production',
      server: 'https://k8s.prod.paved.example:6443',
      caData: CA_DATA,
      caFile: undefined,
      skipTLSVerify: false,
    });
    expect(kubeConfig.getCurrentUser()).toEqual({
      name: 'golden-path',
      token: 'prod-token',
    });
  });

  it('says that only service account tokens are supported, and what to set', () => {
    const cluster = findCluster(
      config({ ...production, authProvider: 'google' }),
      'production',
    );
    expect(() => kubeConfigForCluster(cluster)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(
          "The cluster 'production' uses authProvider 'google', but the golden path writes to clusters only with a service account token: set kubernetes.clusterLocatorMethods[1].clusters[0].authProvider to 'serviceAccount' and kubernetes.clusterLocatorMethods[1].clusters[0].serviceAccountToken",
        ),
      }),
    );
  });

  it("uses the pod's token when none is configured, as the Kubernetes plugin does", () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-path-'));
    const tokenFile = join(dir, 'token');
    const { serviceAccountToken: _token, ...withoutToken } = production;
    const cluster = findCluster(config(withoutToken), 'production');

    expect(() =>
      kubeConfigForCluster(cluster, { inClusterTokenFile: tokenFile }),
    ).toThrow(
      `The cluster 'production' has no serviceAccountToken, and this backend does not run in a Kubernetes pod whose token could be used instead (no ${tokenFile}): set kubernetes.clusterLocatorMethods[1].clusters[0].serviceAccountToken in app-config`,
    );

    writeFileSync(tokenFile, 'pod-token');
    const kubeConfig = kubeConfigForCluster(cluster, {
      inClusterTokenFile: tokenFile,
    });
    expect(kubeConfig.getCurrentUser()?.authProvider).toEqual({
      name: 'tokenFile',
      config: { tokenFile },
    });
  });

  it('names a caFile that does not exist', () => {
    const cluster = findCluster(
      config({ ...production, caData: undefined, caFile: '/nonexistent/ca' }),
      'production',
    );
    expect(() => kubeConfigForCluster(cluster)).toThrow(
      "The cluster 'production' has caFile '/nonexistent/ca' (kubernetes.clusterLocatorMethods[1].clusters[0].caFile), which does not exist on the backend's machine",
    );
  });
});
