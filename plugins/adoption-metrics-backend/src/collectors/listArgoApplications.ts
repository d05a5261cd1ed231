// Argo CD Applications of one cluster, in every namespace, as the portal's account may list them:
// what the history collector and the Delivery card's live view both read. A refusal or an
// unreachable cluster becomes one error that says what to fix.
import { Deadlines } from '@internal/plugin-paved-node';
import {
  ClusterDetails,
  describeKubernetesError,
  kubeConfigForCluster,
  withRequestDeadlines,
} from '@internal/plugin-kubernetes-access-node';
import { CustomObjectsApi } from '@kubernetes/client-node';

export async function listArgoApplications<T>(
  cluster: ClusterDetails,
  deps: Deadlines,
  labelSelector?: string,
): Promise<T[]> {
  try {
    const api = withRequestDeadlines(
      kubeConfigForCluster(cluster),
      deps,
    ).makeApiClient(CustomObjectsApi);
    const list = (await api.listClusterCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'applications',
      ...(labelSelector ? { labelSelector } : {}),
    })) as { items: T[] };
    return list.items;
  } catch (error) {
    throw describeKubernetesError(error, {
      cluster,
      verb: 'list',
      resource: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
    });
  }
}
