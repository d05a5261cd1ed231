// A Crossplane claim (namespaced, e.g. PostgreSQLInstance) as seed 001 writes it: parameters from
// the checked request, the Composition chosen by labels, the connection secret written into the
// service's namespace.
import { CheckedClaimRequest } from '../guardrails/checkClaimRequest';

export interface ClaimTarget {
  serviceName: string;
  environment: string;
  namespace: string;
  owner: string;
  taskId: string;
}

export function claimName(request: CheckedClaimRequest, serviceName: string) {
  return `${serviceName}-${request.offering.nameSuffix}`;
}

export function claimManifest(
  request: CheckedClaimRequest,
  target: ClaimTarget,
) {
  const name = claimName(request, target.serviceName);
  return {
    apiVersion: request.offering.apiVersion,
    kind: request.offering.kind,
    metadata: {
      name,
      namespace: target.namespace,
      labels: {
        'app.kubernetes.io/part-of': target.serviceName,
        'backstage.io/kubernetes-id': target.serviceName,
        'paved.dev/environment': target.environment,
        'paved.dev/offering': request.offeringId,
        'paved.dev/tier': request.tier,
      },
      annotations: {
        'paved.dev/owner': target.owner,
        'paved.dev/scaffolder-task': target.taskId,
      },
    },
    spec: {
      parameters: {
        storageGB: request.storageGB,
        tier: request.tier,
        region: request.region,
        ...request.options,
      },
      ...(Object.keys(request.offering.compositionSelector).length
        ? {
            compositionSelector: {
              matchLabels: request.offering.compositionSelector,
            },
          }
        : {}),
      writeConnectionSecretToRef: { name: `${name}-connection` },
    },
  };
}

/** `PostgreSQLInstance/orders-api-dev/orders-api-db`: how entities refer to their claims. */
export function claimRef(manifest: ReturnType<typeof claimManifest>) {
  return `${manifest.kind}/${manifest.metadata.namespace}/${manifest.metadata.name}`;
}
