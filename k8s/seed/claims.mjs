// Crossplane PostgreSQLInstance claims for the databases the catalog says were claimed through the
// platform (Resources annotated paved.dev/claim), with the status Crossplane would have written once
// the RDS instance was up. The claim CRD is derived from the platform team's XRD, so these are
// validated against the same schema a real Crossplane would use.
import { MINUTE, iso } from './clock.mjs';
import { randomStream, stableSuffix } from './random.mjs';
import { REGION } from './pods.mjs';

// What the platform's Composition maps each tier to, and the storage the demo teams asked for.
const TIERS = {
  small: { instanceClass: 'db.t3.small', storageGB: 20 },
  standard: { instanceClass: 'db.t3.medium', storageGB: 50 },
  large: { instanceClass: 'db.r6g.large', storageGB: 200 },
};

/**
 * `service` is the catalog service whose namespace holds the claim, if any: a claim of a golden-path
 * service carries the task mark the golden path stamps (`paved.dev/scaffolder-task`); the others were
 * written by hand, which is what the self-service rate counts.
 */
export function claimItem(claim, createdAt, service) {
  const tier = TIERS[claim.tier];
  if (!tier)
    throw new Error(
      `catalog Resource ${claim.resource}: unknown tier "${
        claim.tier
      }" (known: ${Object.keys(TIERS).join(', ')})`,
    );
  const rng = randomStream(`claim/${claim.namespace}/${claim.name}`);
  const readyAt = iso(createdAt + rng.int(6, 14) * MINUTE);
  const condition = (type, reason) => ({
    type,
    status: 'True',
    reason,
    lastTransitionTime: readyAt,
  });
  const address = `${claim.name}.c${rng.hex(12)}.${REGION}.rds.amazonaws.com`;
  return {
    object: {
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: claim.kind,
      metadata: {
        name: claim.name,
        namespace: claim.namespace,
        labels: {
          'paved.dev/team': claim.team,
          'paved.dev/offering': claim.offering,
          'paved.dev/tier': claim.tier,
          ...(service ? { 'backstage.io/kubernetes-id': service.name } : {}),
        },
        annotations: {
          'paved.dev/owner': `group:default/${claim.team}`,
          // When it was asked for: the API server's creationTimestamp is the seed's own run.
          'paved.dev/created-at': iso(createdAt),
          ...(service?.goldenPath
            ? {
                'paved.dev/scaffolder-task': `seed-${stableSuffix(
                  `task/${claim.namespace}/${claim.name}`,
                )}`,
              }
            : {}),
        },
      },
      spec: {
        parameters: {
          storageGB: tier.storageGB,
          tier: claim.tier,
          region: REGION,
          multiAZ: claim.namespace.endsWith('-production'),
          version: '16',
          backupEnabled: true,
        },
        compositionRef: { name: 'postgresqlinstance-aws' },
        // Set by Crossplane when it creates the composite resource for the claim.
        resourceRef: {
          apiVersion: 'platform.paved.dev/v1alpha1',
          kind: `X${claim.kind}`,
          name: `${claim.name}-${stableSuffix(
            `${claim.namespace}/${claim.name}`,
          )}`,
        },
        writeConnectionSecretToRef: { name: `${claim.name}-connection` },
      },
    },
    status: () => ({
      conditions: [
        condition('Synced', 'ReconcileSuccess'),
        condition('Ready', 'Available'),
      ],
      address,
      port: 5432,
      instanceClass: tier.instanceClass,
      connectionDetails: { lastPublishedTime: readyAt },
    }),
  };
}
