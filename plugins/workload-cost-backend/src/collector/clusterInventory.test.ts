// A cluster whose API server accepts connections and never answers: the pass must fail that
// cluster with a message naming it, within the configured deadline, instead of hanging.
import { ClusterDetails } from '@internal/plugin-kubernetes-access-node';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readClusterInventory } from './clusterInventory';

describe('reading a cluster', () => {
  let server: Server;
  let cluster: ClusterDetails;

  beforeEach(async () => {
    server = createServer(() => {});
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    cluster = {
      name: 'silent',
      url: `http://127.0.0.1:${port}`,
      authProvider: 'serviceAccount',
      serviceAccountToken: 'token',
      skipTLSVerify: false,
      configKey: 'kubernetes.clusterLocatorMethods[0].clusters[0]',
    };
  });

  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fails each list of an API server that never answers, naming the cluster', async () => {
    const inventory = await readClusterInventory(cluster, [], {
      workloads: true,
      timeoutMs: 200,
    });
    expect(inventory.errors).toEqual([
      expect.stringMatching(/Pod.*silent|silent.*Pod/),
      expect.stringMatching(
        /PersistentVolumeClaim.*silent|silent.*PersistentVolumeClaim/,
      ),
    ]);
    expect(inventory.pods).toEqual([]);
  });

  it('stops when the pass is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const inventory = await readClusterInventory(cluster, [], {
      workloads: true,
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    expect(inventory.errors).toHaveLength(2);
    expect(inventory.errors.join('\n')).toMatch(/silent/);
  });
});
