// When an entity has no cost to show, the card says which annotation or configuration is missing
// and what to write, instead of an empty card or a 500.
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CLUSTERS_CONFIG_KEY,
  readClusters,
} from '@internal/plugin-kubernetes-access-node';
import {
  CLAIMS_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  type Missing,
} from '@internal/plugin-workload-cost-common';
import { parseLabelSelector } from '../collector/labelSelector';

export type { Missing };

/** No cluster to collect from, or a cluster configuration that cannot be read. */
export function missingClusters(config: Config): Missing | undefined {
  let clusters: string[];
  try {
    clusters = readClusters(config).map(c => c.name);
  } catch (error) {
    return {
      reason: `${CLUSTERS_CONFIG_KEY} cannot be read: ${
        (error as Error).message
      }`,
      fix: `correct ${CLUSTERS_CONFIG_KEY} in app-config`,
    };
  }
  if (clusters.length > 0) return undefined;
  return {
    reason: `No cluster in ${CLUSTERS_CONFIG_KEY}: there is nothing to collect costs from`,
    fix: `add a cluster (type: config, with name, url, authProvider: serviceAccount and a token) to ${CLUSTERS_CONFIG_KEY} in app-config`,
  };
}

/** What keeps an entity from ever having a cost, whatever the clusters hold. */
export function missingConfiguration(
  entity: Entity,
  config: Config,
): Missing | undefined {
  const noClusters = missingClusters(config);
  if (noClusters) return noClusters;
  if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
    return {
      reason: `Costs are collected for Components; this is a ${entity.kind}`,
      fix: "open the cost of the Components it's made of, or of the team that owns them",
    };
  }
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  if (
    !annotations[KUBERNETES_ID_ANNOTATION] &&
    selector === undefined &&
    !annotations[CLAIMS_ANNOTATION]
  ) {
    return {
      reason: `The entity has no ${KUBERNETES_ID_ANNOTATION} annotation (nor ${KUBERNETES_LABEL_SELECTOR_ANNOTATION} or ${CLAIMS_ANNOTATION}), so no workload can be matched to it`,
      fix: `add ${KUBERNETES_ID_ANNOTATION}: ${entity.metadata.name} to its catalog-info.yaml, and the label ${KUBERNETES_ID_ANNOTATION}=${entity.metadata.name} to its pods, volumes and claims`,
    };
  }
  if (selector !== undefined) {
    try {
      parseLabelSelector(selector);
    } catch (error) {
      return {
        reason: `${KUBERNETES_LABEL_SELECTOR_ANNOTATION} ${
          (error as Error).message
        }`,
        fix: `correct ${KUBERNETES_LABEL_SELECTOR_ANNOTATION} in its catalog-info.yaml, e.g. app=${entity.metadata.name}`,
      };
    }
  }
  return undefined;
}

/** Why an entity whose configuration is fine has no samples yet. */
export function missingSamples(
  entity: Entity,
  options: {
    anyPass: boolean;
    clusters: string[];
    collectEveryMinutes: number;
  },
): Missing {
  if (!options.anyPass) {
    return {
      reason: 'No collection pass has run yet',
      fix: `wait: the first pass runs shortly after the backend starts, then every ${options.collectEveryMinutes} minutes`,
    };
  }
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[KUBERNETES_ID_ANNOTATION];
  const namespace = annotations[KUBERNETES_NAMESPACE_ANNOTATION];
  const what = id
    ? `labelled ${KUBERNETES_ID_ANNOTATION}=${id}`
    : `selected by ${
        annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION] ??
        annotations[CLAIMS_ANNOTATION]
      }`;
  return {
    reason: `No pod, volume or claim in ${options.clusters.join(', ')}${
      namespace ? ` (namespace ${namespace})` : ''
    } is ${what}`,
    fix: id
      ? `label the service's pods, volumes and claims ${KUBERNETES_ID_ANNOTATION}=${id}${
          namespace
            ? ` in namespace ${namespace}, or correct ${KUBERNETES_NAMESPACE_ANNOTATION}`
            : ''
        }`
      : `check that the annotation selects the service's pods`,
  };
}
