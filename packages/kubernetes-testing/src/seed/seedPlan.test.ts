// The demo seed's plan (`node k8s/seed/seed.mjs --print`): what it would write, without a cluster.
import { runSeed } from '../__testUtils__/runSeed';

interface HistoryEntry {
  id: number;
  revision: string;
  deployStartedAt: string;
  deployedAt: string;
  initiatedBy: { automated?: boolean; username?: string };
}

interface PlannedObject {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec?: any;
  status?: any;
  owner?: { kind: string; name: string };
}

const NOW = '2026-11-23T12:00:00Z';
const DAY = 24 * 3600 * 1000;

async function plan(
  now = NOW,
): Promise<{ text: string; objects: PlannedObject[] }> {
  const { stdout } = await runSeed(['--print'], { PAVED_SEED_NOW: now });
  return { text: stdout, objects: JSON.parse(stdout) };
}

describe('the demo seed plan', () => {
  let objects: PlannedObject[];
  let text: string;
  const ofKind = (kind: string) => objects.filter(o => o.kind === kind);
  const applications = () => ofKind('Application');

  beforeAll(async () => {
    ({ objects, text } = await plan());
  }, 60_000);

  it('is the same on every run', async () => {
    expect((await plan()).text).toBe(text);
  }, 60_000);

  it('moves with PAVED_SEED_NOW', async () => {
    const later = await plan('2026-12-07T12:00:00Z');
    expect(later.text).not.toBe(text);
  }, 60_000);

  it('matches the catalog: one namespace, Deployment and Application per service and environment', () => {
    const namespaces = ofKind('Namespace').map(n => n.metadata.name);
    // golden-path services exist in their one environment only
    expect(namespaces).toContain('orders-service-production');
    expect(namespaces).not.toContain('orders-service-dev');
    // hand-made ones in all three
    for (const env of ['dev', 'staging', 'production']) {
      expect(namespaces).toContain(`checkout-api-${env}`);
      const app = applications().find(
        a => a.metadata.name === `checkout-api-${env}`,
      );
      expect(app?.spec.destination.namespace).toBe(`checkout-api-${env}`);
      expect(app?.spec.project).toBe('checkout');
    }
    expect(ofKind('Deployment')).toHaveLength(applications().length);
  });

  it('writes Deployments with sized pod templates, and no Pods or ReplicaSets (the controllers make them)', () => {
    expect(ofKind('Pod')).toEqual([]);
    expect(ofKind('ReplicaSet')).toEqual([]);
    for (const deployment of ofKind('Deployment')) {
      expect(deployment.status).toBeUndefined();
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(1);
      const template = deployment.spec.template;
      expect(template.metadata.labels['backstage.io/kubernetes-id']).toBe(
        deployment.metadata.name,
      );
      const requests = template.spec.containers[0].resources.requests;
      expect(requests.cpu).toMatch(/^\d+m?$/);
      expect(requests.memory).toMatch(/^\d+(Mi|Gi)$/);
    }
  });

  it('gives every claim of storage a volume that names it, for the volume controller to bind', () => {
    const claims = ofKind('PersistentVolumeClaim');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const volume = ofKind('PersistentVolume').find(
        v => v.metadata.name === claim.spec.volumeName,
      );
      expect(volume?.spec.claimRef).toEqual({
        namespace: claim.metadata.namespace,
        name: claim.metadata.name,
      });
      expect(volume?.spec.capacity.storage).toBe(
        claim.spec.resources.requests.storage,
      );
    }
  });

  it('records 90 days of deploys on working days, oldest first', () => {
    const now = Date.parse(NOW);
    for (const app of applications()) {
      const history: HistoryEntry[] = app.status.history;
      history.forEach((entry, i) => {
        expect(entry.id).toBe(i);
        const started = Date.parse(entry.deployStartedAt);
        expect(started).toBeGreaterThanOrEqual(now - 90 * DAY);
        expect(Date.parse(entry.deployedAt)).toBeLessThanOrEqual(now);
        expect([0, 6]).not.toContain(new Date(started).getUTCDay());
      });
      // each deploy starts after the one before it finished
      const overlaps = history
        .slice(1)
        .filter((entry, i) => entry.deployStartedAt <= history[i].deployedAt);
      expect(overlaps).toEqual([]);
    }
    const busiest = Math.max(
      ...applications().map(a => a.status.history.length),
    );
    expect(busiest).toBeGreaterThan(30);
  });

  it('has rollbacks to an earlier revision, failed syncs and a degraded application', () => {
    const rollbacks = applications().flatMap(app => {
      const history: HistoryEntry[] = app.status.history;
      // an entry whose revision is that of an entry before the previous one: going back
      return history.filter(
        (entry, i) =>
          i > 1 &&
          history
            .slice(0, i - 1)
            .some(earlier => earlier.revision === entry.revision),
      );
    });
    expect(rollbacks.length).toBeGreaterThan(3);
    expect(rollbacks.every(r => r.initiatedBy.username)).toBe(true);

    const phases = applications().map(a => a.status.operationState?.phase);
    expect(phases).toContain('Failed');
    expect(phases).toContain('Error');
    expect(phases.filter(p => p === 'Succeeded').length).toBeGreaterThan(
      phases.length / 2,
    );
    const failed = applications().find(
      a => a.status.operationState?.phase === 'Failed',
    );
    expect(failed?.status.sync.status).toBe('OutOfSync');
    expect(applications().map(a => a.status.health.status)).toContain(
      'Degraded',
    );
  });

  it('claims a database in each tier the catalog names', () => {
    const tiers = ofKind('PostgreSQLInstance').map(c => c.spec.parameters.tier);
    expect(new Set(tiers)).toEqual(new Set(['small', 'standard', 'large']));
  });
});
