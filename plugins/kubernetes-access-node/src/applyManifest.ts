// Writes the golden path's objects (Argo CD Applications, Crossplane claims) to a configured cluster
// with server-side apply, the way `kubectl apply --server-side` does:
//
//   1. discovery: is the kind installed on that cluster (CRD present), namespaced or not?
//   2. read the object (404: it does not exist yet);
//   3. PATCH with Content-Type application/apply-patch+yaml, fieldManager, force=false;
//   4. created (it did not exist) / unchanged (same metadata.resourceVersion) / updated.
//
// Applying the same manifest again changes nothing and reports 'unchanged', so a retried scaffolder
// task does not duplicate or disturb anything.
//
// force=false, on purpose: with it, the API server refuses (409) to change a field another field
// manager set to a different value, instead of silently taking it over. For the golden path that
// means: an object of the same name that someone else manages (another team's Application, a claim
// edited by hand or by a controller) is reported as a conflict, naming the fields and the other
// managers, not overwritten. Re-applying our own objects never conflicts (same field manager).
//
// With `owner` (an annotation and its value, e.g. the scaffolder task id), the first write is a
// create, not an apply: of two tasks racing for one name, the API server lets exactly one create
// the object (the other gets 409), and an object that carries another owner is refused instead of
// being taken over, since apply with one shared field manager would merge into it silently.
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import {
  createConfiguration,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  ServerConfiguration,
  V1APIResource,
} from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { ClusterDetails, findCluster, kubeConfigForCluster } from './clusters';
import {
  describeKubernetesError,
  describeResource,
  KubernetesErrorContext,
} from './describeKubernetesError';

export const DEFAULT_FIELD_MANAGER = 'paved-golden-path';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ApplyManifestRequest {
  /** A cluster name from kubernetes.clusterLocatorMethods (type: config). */
  cluster: string;
  /** The desired object; namespaced kinds need metadata.namespace. */
  manifest: KubernetesObject;
  fieldManager?: string;
  /** Validate (schema, admission) and compute the result on the server without persisting it. */
  dryRun?: boolean;
  /**
   * Who the object belongs to: created only if absent (a create, so a racing writer gets 409),
   * changed only while `metadata.annotations[annotation]` is `value`; otherwise a ConflictError.
   */
  owner?: { annotation: string; value: string };
}

export interface ApplyManifestResult {
  action: 'created' | 'updated' | 'unchanged';
  /** The object as the server stored it (or, with dryRun, would store it). */
  object: KubernetesObject;
}

export interface GetObjectRequest {
  cluster: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ManifestApplier {
  apply(request: ApplyManifestRequest): Promise<ApplyManifestResult>;
  /** The object, or undefined when it does not exist. */
  get(request: GetObjectRequest): Promise<KubernetesObject | undefined>;
}

export interface ManifestApplierOptions {
  /** The root config: clusters are read from kubernetes.clusterLocatorMethods on each call. */
  config: Config;
  logger: LoggerService;
  /** Per request (discovery, read, apply); a cluster that does not answer fails after this. */
  timeoutMs?: number;
}

/** KubernetesObjectApi with its discovery lookup made callable. */
class ObjectApi extends KubernetesObjectApi {
  findResource(
    apiVersion: string,
    kind: string,
  ): Promise<V1APIResource | undefined> {
    return this.resource(apiVersion, kind);
  }
}

function makeObjectApi(kubeConfig: KubeConfig, timeoutMs: number): ObjectApi {
  const server = kubeConfig.getCurrentCluster()!.server;
  // What KubeConfig.makeApiClient builds, plus a deadline per request: without one, a cluster whose
  // address drops packets (a private endpoint out of reach) holds a task for minutes.
  return new ObjectApi(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [
        {
          pre: async context => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return context;
          },
          post: async response => response,
        },
      ],
    }),
  );
}

interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 404;
}

function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 409;
}

type Owner = NonNullable<ApplyManifestRequest['owner']>;

function withOwner(
  manifest: KubernetesObject,
  owner: Owner | undefined,
): KubernetesObject {
  const body = desiredState(manifest);
  if (owner) {
    body.metadata = {
      ...body.metadata,
      annotations: {
        ...body.metadata?.annotations,
        [owner.annotation]: owner.value,
      },
    };
  }
  return body;
}

function checkOwner(
  existing: KubernetesObject,
  owner: Owner,
  ref: ObjectRef,
  clusterName: string,
) {
  const current = existing.metadata?.annotations?.[owner.annotation];
  if (current === owner.value) return;
  const whose = current
    ? 'another task'
    : `someone else (it has no ${owner.annotation} annotation)`;
  throw new ConflictError(
    `${describeResource(
      ref,
    )} already exists on cluster '${clusterName}' and belongs to ${whose}: it was not changed; the name is taken there, choose another name`,
  );
}

/** Fields the server sets, which are never part of a desired state (and break apply if stale). */
const SERVER_SET_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
] as const;

function desiredState(manifest: KubernetesObject): KubernetesObject {
  const body = structuredClone(manifest);
  if (body.metadata)
    for (const field of SERVER_SET_METADATA) delete body.metadata[field];
  return body;
}

function refOf(manifest: KubernetesObject): ObjectRef {
  const { apiVersion, kind, metadata } = manifest ?? {};
  const missing = [
    !apiVersion && 'apiVersion',
    !kind && 'kind',
    !metadata?.name && 'metadata.name',
  ].filter(Boolean);
  if (missing.length)
    throw new InputError(
      `The manifest to apply has no ${missing.join(', ')}: ${JSON.stringify(
        manifest,
      )?.slice(0, 200)}`,
    );
  return {
    apiVersion: apiVersion!,
    kind: kind!,
    namespace: metadata?.namespace,
    name: metadata!.name!,
  };
}

/** For dry runs, where resourceVersion does not move: the same object apart from bookkeeping? */
function sameContent(a: KubernetesObject, b: KubernetesObject): boolean {
  const strip = (o: KubernetesObject) => {
    const copy = structuredClone(o) as KubernetesObject;
    if (copy.metadata) {
      delete copy.metadata.resourceVersion;
      copy.metadata.managedFields = copy.metadata.managedFields?.map(f => ({
        ...f,
        time: undefined,
      }));
    }
    return copy;
  };
  return isDeepStrictEqual(strip(a), strip(b));
}

export function createManifestApplier(
  options: ManifestApplierOptions,
): ManifestApplier {
  const { config, logger, timeoutMs = DEFAULT_TIMEOUT_MS } = options;

  function connect(clusterName: string) {
    const cluster: ClusterDetails = findCluster(config, clusterName);
    const api = makeObjectApi(kubeConfigForCluster(cluster), timeoutMs);
    return { cluster, api };
  }

  async function discover(
    api: ObjectApi,
    context: KubernetesErrorContext,
  ): Promise<V1APIResource> {
    const { apiVersion, kind } = context.resource;
    let resource: V1APIResource | undefined;
    try {
      resource = await api.findResource(apiVersion, kind);
    } catch (error) {
      throw describeKubernetesError(error, context);
    }
    if (!resource)
      throw describeKubernetesError(
        new Error(`Unrecognized API version and kind: ${apiVersion} ${kind}`),
        context,
      );
    if (resource.namespaced && !context.resource.namespace)
      throw new InputError(
        `${describeResource(
          context.resource,
        )} has no namespace, and ${kind} (${apiVersion}) is namespaced: set metadata.namespace`,
      );
    return resource;
  }

  async function read(
    api: ObjectApi,
    ref: ObjectRef,
    resource: V1APIResource,
    context: KubernetesErrorContext,
  ): Promise<KubernetesObject | undefined> {
    try {
      return await api.read({
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: {
          name: ref.name,
          ...(resource.namespaced ? { namespace: ref.namespace } : {}),
        },
      });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw describeKubernetesError(error, { ...context, verb: 'get' });
    }
  }

  return {
    async apply({
      cluster: clusterName,
      manifest,
      fieldManager = DEFAULT_FIELD_MANAGER,
      dryRun = false,
      owner,
    }) {
      const ref = refOf(manifest);
      const { cluster, api } = connect(clusterName);
      const context: KubernetesErrorContext = {
        cluster: { name: cluster.name, url: cluster.url },
        resource: ref,
        verb: 'apply',
      };
      const resource = await discover(api, context);
      let before = await read(api, ref, resource, context);
      const body = withOwner(manifest, owner);

      if (owner && before) checkOwner(before, owner, ref, cluster.name);
      if (owner && !before && !dryRun) {
        try {
          // The create decides the race; the apply below then makes this field manager the
          // object's applier, so re-applying the same manifest later changes nothing.
          await api.create(body, undefined, undefined, fieldManager);
        } catch (error) {
          if (!isAlreadyExists(error))
            throw describeKubernetesError(error, {
              ...context,
              verb: 'create',
            });
          // Someone created it between our read and our create: whose is it?
          const current = await read(api, ref, resource, context);
          if (current) checkOwner(current, owner, ref, cluster.name);
          before = current;
        }
      }

      let object: KubernetesObject;
      try {
        object = await api.patch(
          body,
          undefined,
          dryRun ? 'All' : undefined,
          fieldManager,
          false,
          PatchStrategy.ServerSideApply,
        );
      } catch (error) {
        throw describeKubernetesError(error, context);
      }

      let action: ApplyManifestResult['action'];
      if (!before) action = 'created';
      else if (dryRun)
        action = sameContent(before, object) ? 'unchanged' : 'updated';
      else
        action =
          before.metadata?.resourceVersion === object.metadata?.resourceVersion
            ? 'unchanged'
            : 'updated';

      logger.info(
        `${dryRun ? 'Dry run: would have ' : ''}${action} ${describeResource(
          ref,
        )} (${ref.apiVersion}) on cluster '${cluster.name}' (${
          cluster.url
        }) with server-side apply, field manager ${fieldManager}`,
      );
      return { action, object };
    },

    async get({ cluster: clusterName, apiVersion, kind, namespace, name }) {
      const ref: ObjectRef = { apiVersion, kind, namespace, name };
      const { cluster, api } = connect(clusterName);
      const context: KubernetesErrorContext = {
        cluster: { name: cluster.name, url: cluster.url },
        resource: ref,
        verb: 'get',
      };
      const resource = await discover(api, context);
      return read(api, ref, resource, context);
    },
  };
}
