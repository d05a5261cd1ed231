// Turns what @kubernetes/client-node throws into errors a developer or platform engineer can act
// on: each names the cluster (name and URL), the resource (kind namespace/name) and the fix, and
// keeps the API server's own answer as its cause.
//
// The classes are @backstage/errors', so that whatever shows or forwards the error (the scaffolder's
// task log, a backend route) knows what kind of fault it is:
//   InputError              422 schema violations, 400, a 500 for fields the schema lacks: fix the manifest
//   NotAllowedError         403 (RBAC) and 401 (bad or expired token): the cluster refuses the golden path's
//                           credentials. Not AuthenticationError: that one means the portal's *user* must
//                           sign in, and a frontend may react to it that way; here a platform engineer must
//                           fix the service account or its token.
//   NotFoundError           the kind is not installed (no CRD), or the namespace does not exist
//   ConflictError           409: fields managed by another field manager (server-side apply conflict)
//   ServiceUnavailableError the cluster cannot be reached (refused, DNS, timeout, TLS), 429 and 5xx
//   ForwardedError          anything else, with the context prepended
import {
  ConflictError,
  ForwardedError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CLUSTERS_CONFIG_KEY } from './clusters';

/** What was being done when the error happened. */
export interface KubernetesErrorContext {
  cluster: { name: string; url: string };
  resource: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name?: string;
  };
  /** The Kubernetes verb attempted ('get', 'patch', ...), for messages the server does not word. */
  verb: string;
}

/** One reason the API server gave for rejecting an object (Status details.causes). */
export interface KubernetesStatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

/** The API server's own answer to a failed request (its Status), used as the cause of described errors. */
export class KubernetesApiError extends Error {
  readonly statusCode: number;
  readonly reason?: string;
  readonly causes: KubernetesStatusCause[];
  readonly details?: { name?: string; group?: string; kind?: string };

  constructor(
    statusCode: number,
    message: string,
    extra: {
      reason?: string;
      causes?: KubernetesStatusCause[];
      details?: { name?: string; group?: string; kind?: string };
      cause?: unknown;
    } = {},
  ) {
    super(
      `HTTP ${statusCode}${extra.reason ? ` ${extra.reason}` : ''}: ${message}`,
      extra.cause === undefined ? undefined : { cause: extra.cause },
    );
    this.name = 'KubernetesApiError';
    this.statusCode = statusCode;
    this.reason = extra.reason;
    this.causes = extra.causes ?? [];
    this.details = extra.details;
  }
}

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: KubernetesStatusCause[];
  };
}

/** client-node's ApiException: a numeric HTTP code and the response body (a string in 1.x). */
function apiErrorOf(error: unknown): KubernetesApiError | undefined {
  if (error instanceof KubernetesApiError) return error;
  const { code, body } = (error ?? {}) as { code?: unknown; body?: unknown };
  if (typeof code !== 'number') return undefined;
  let status: StatusBody = {};
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body);
    } catch {
      status = { message: body.trim() };
    }
  } else if (body && typeof body === 'object') {
    status = body as StatusBody;
  }
  const message =
    (typeof status.message === 'string' && status.message.trim()) ||
    `the API server answered HTTP ${code} without a message`;
  return new KubernetesApiError(code, message, {
    reason: status.reason,
    causes: status.details?.causes,
    details: status.details && {
      name: status.details.name,
      group: status.details.group,
      kind: status.details.kind,
    },
    cause: error,
  });
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

type NetworkFault = { kind: 'unreachable' | 'tls' | 'timeout'; cause: Error };

/** A network fault anywhere in the error's cause chain (node-fetch's FetchError has `code`). */
function networkFaultOf(error: unknown): NetworkFault | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, name, type } = current as {
      code?: unknown;
      name?: unknown;
      type?: unknown;
    };
    const cause =
      current instanceof Error ? current : new Error(String(current));
    if (name === 'AbortError' || name === 'TimeoutError' || type === 'aborted')
      return { kind: 'timeout', cause };
    if (typeof code === 'string') {
      if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_'))
        return { kind: 'tls', cause };
      if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', cause };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `Application argocd/orders-api`, `Namespace orders`, or just the kind. */
export function describeResource(
  resource: KubernetesErrorContext['resource'],
): string {
  if (!resource.name) return resource.kind;
  return resource.namespace
    ? `${resource.kind} ${resource.namespace}/${resource.name}`
    : `${resource.kind} ${resource.name}`;
}

function describeCluster(cluster: KubernetesErrorContext['cluster']): string {
  return `cluster '${cluster.name}' (${cluster.url})`;
}

function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** What to install for a missing kind, by API group. */
function installHint(apiVersion: string): string {
  const group = apiGroup(apiVersion);
  if (group === 'argoproj.io')
    return 'install Argo CD (its CRDs, platform/crds/argocd) on that cluster (see platform/README.md)';
  if (group.endsWith('crossplane.io') || group === 'platform.paved.dev')
    return "install Crossplane and the platform's XRDs (platform/crossplane) on that cluster (see platform/README.md)";
  return "install the CRD that defines it (Argo CD / Crossplane and the platform's XRDs: see platform/README.md), or correct the manifest's apiVersion and kind";
}

function notInstalled(context: KubernetesErrorContext, cause: unknown): Error {
  const { cluster, resource } = context;
  return new NotFoundError(
    `The ${describeCluster(cluster)} has no ${resource.kind} (${
      resource.apiVersion
    }) resource type, so ${describeResource(
      resource,
    )} cannot be written there: ${installHint(resource.apiVersion)}`,
    cause,
  );
}

const DISCOVERY_NOT_FOUND = [
  'Unrecognized API version and kind',
  'the server could not find the requested resource',
  '404 page not found',
];

function isDiscoveryNotFound(error: unknown, api?: KubernetesApiError) {
  const text = [(error as { message?: unknown })?.message, api?.message].join(
    '\n',
  );
  if (DISCOVERY_NOT_FOUND.some(s => text.includes(s))) return true;
  // client-node prefixes the discovery request's errors with this.
  return (
    api?.statusCode === 404 &&
    text.includes('Failed to fetch resource metadata')
  );
}

/** Where the Helm chart's RBAC is made, for the fix of a refused request. */
const CHART_RBAC_RULES = 'charts/paved/rbac-rules.json';

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** What the API server's 403 says: `User "u" cannot create resource "r" in API group "g" in the namespace "n"`. */
function rbacDetails(message: string) {
  const match = /cannot (\S+) resource "([^"]+)" in API group "([^"]*)"/.exec(
    message,
  );
  const user = /User "([^"]+)"/.exec(message)?.[1];
  const namespace = /in the namespace "([^"]+)"/.exec(message)?.[1];
  const clusterScope = /at the cluster scope/.test(message);
  return match
    ? {
        verb: match[1],
        resource: match[2],
        group: match[3],
        user,
        namespace,
        clusterScope,
      }
    : { user, namespace, clusterScope };
}

function forbidden(
  context: KubernetesErrorContext,
  api: KubernetesApiError,
): Error {
  const { cluster, resource } = context;
  const rbac = rbacDetails(api.message);
  // A server-side apply is a patch (and a create when the object is new).
  const verb = rbac.verb ?? (context.verb === 'apply' ? 'patch' : context.verb);
  const group = rbac.group ?? apiGroup(resource.apiVersion);
  // Without the server's wording, the kind is the best name there is for the resource.
  const plural = rbac.resource ?? resource.kind;
  const qualified = group ? `${plural}.${group}` : plural;
  const namespace = rbac.clusterScope
    ? undefined
    : rbac.namespace ?? resource.namespace;
  const where = namespace
    ? `in namespace ${namespace}`
    : 'at cluster scope (in all namespaces)';
  const who = rbac.user ? ` (${rbac.user})` : '';
  const what = resource.name
    ? describeResource(resource)
    : `${resource.kind} objects`;
  const done = READ_VERBS.has(verb) ? 'read' : 'written';
  const role = namespace
    ? `the Role bound to that service account in namespace ${namespace} (or to its ClusterRole)`
    : 'the ClusterRole bound to that service account';
  return new NotAllowedError(
    `The service account of ${describeCluster(
      cluster,
    )}${who} may not ${verb} ${qualified} ${where}, so ${what} cannot be ${done}: add \`${verb}\` on ${plural}${
      group ? ` (API group ${group})` : ' (core API group "")'
    } to ${role} (RBAC; installed with the Helm chart, the rules are in ${CHART_RBAC_RULES}); its token is configured in ${CLUSTERS_CONFIG_KEY}`,
    api,
  );
}

function unauthorized(
  context: KubernetesErrorContext,
  api: KubernetesApiError,
): Error {
  return new NotAllowedError(
    `The ${describeCluster(
      context.cluster,
    )} did not accept the golden path's credentials (401 Unauthorized) when trying to ${
      context.verb
    } ${describeResource(
      context.resource,
    )}: the serviceAccountToken configured for it in ${CLUSTERS_CONFIG_KEY} is wrong or has expired. Create a new token for its service account (kubectl create token <service-account> -n <namespace> --duration=...) and update the config`,
    api,
  );
}

function causesList(causes: KubernetesStatusCause[]): string {
  return causes
    .map(c => {
      const message = c.message ?? c.reason ?? 'invalid';
      // The message often repeats the field; say it once.
      return c.field && !message.startsWith(c.field)
        ? `${c.field}: ${message}`
        : message;
    })
    .join('; ');
}

function invalid(context: KubernetesErrorContext, api: KubernetesApiError) {
  const { cluster, resource } = context;
  const causes = api.causes.length
    ? causesList(api.causes)
    : api.message.replace(/^HTTP \d+( \w+)?: /, '');
  const where =
    apiGroup(resource.apiVersion) === 'platform.paved.dev'
      ? " (a platform claim: its limits are the XRD's, platform/crossplane/xrds)"
      : '';
  return new InputError(
    `The ${describeCluster(cluster)} rejected ${describeResource(
      resource,
    )} because it does not match the ${
      resource.kind
    } schema${where}: ${causes}. Correct these values and try again`,
    api,
  );
}

function conflict(context: KubernetesErrorContext, api: KubernetesApiError) {
  const { cluster, resource } = context;
  const fieldConflicts = api.causes.filter(
    c => c.reason === 'FieldManagerConflict',
  );
  if (!fieldConflicts.length)
    return new ConflictError(
      `The ${describeCluster(
        cluster,
      )} reported a conflict writing ${describeResource(
        resource,
      )}: it changed meanwhile; try again`,
      api,
    );
  return new ConflictError(
    `${describeResource(resource)} on ${describeCluster(
      cluster,
    )} already exists and other field managers set these fields to other values: ${causesList(
      fieldConflicts,
    )}. The golden path does not take fields over from others: choose another name if the object belongs to someone else, or have its owner remove those fields (a platform engineer may take them over deliberately with kubectl apply --server-side --force-conflicts)`,
    api,
  );
}

function notFound(context: KubernetesErrorContext, api: KubernetesApiError) {
  const { cluster, resource } = context;
  if (api.details?.kind === 'namespaces')
    return new NotFoundError(
      `The namespace '${
        api.details.name ?? resource.namespace
      }' does not exist on ${describeCluster(cluster)}, so ${describeResource(
        resource,
      )} cannot be written: create the namespace first (apply a v1 Namespace)`,
      api,
    );
  return new NotFoundError(
    `${describeResource(resource)} was not found on ${describeCluster(
      cluster,
    )} (${context.verb})`,
    api,
  );
}

function undeclaredFields(api: KubernetesApiError): string[] {
  return [
    ...api.message.matchAll(/(\.[\w.[\]-]+): field not declared in schema/g),
  ].map(m => m[1]);
}

function unreachable(
  context: KubernetesErrorContext,
  fault: NetworkFault,
): Error {
  const { cluster } = context;
  const reason = /reason: (.*)$/s.exec(fault.cause.message)?.[1];
  const cause = (reason ?? fault.cause.message).trim();
  let check = `Check the cluster's url in ${CLUSTERS_CONFIG_KEY} (app-config) and that the API server is up and reachable from the backend`;
  if (fault.kind === 'tls')
    check = `The API server's TLS certificate is not trusted or does not match its address: set the cluster's caData or caFile in ${CLUSTERS_CONFIG_KEY} to its CA (skipTLSVerify only for throwaway clusters), and check its url`;
  if (fault.kind === 'timeout') check = `It did not answer in time. ${check}`;
  return new ServiceUnavailableError(
    `Cannot reach cluster '${cluster.name}' at ${cluster.url} (to ${
      context.verb
    } ${describeResource(context.resource)}): ${cause}. ${check}`,
    fault.cause,
  );
}

const described = new WeakSet<Error>();

/**
 * The error to report for a failed Kubernetes request, named by cluster, resource and fix. Errors it
 * returned before are returned unchanged.
 */
export function describeKubernetesError(
  error: unknown,
  context: KubernetesErrorContext,
): Error {
  if (error instanceof Error && described.has(error)) return error;
  const result = describe(error, context);
  described.add(result);
  return result;
}

function describe(error: unknown, context: KubernetesErrorContext): Error {
  const { cluster, resource } = context;
  const api = apiErrorOf(error);
  if (!api) {
    const fault = networkFaultOf(error);
    if (fault) return unreachable(context, fault);
    if (isDiscoveryNotFound(error)) return notInstalled(context, error);
    return new ForwardedError(
      `Could not ${context.verb} ${describeResource(
        resource,
      )} on ${describeCluster(cluster)}`,
      error,
    );
  }
  switch (api.statusCode) {
    case 401:
      return unauthorized(context, api);
    case 403:
      return forbidden(context, api);
    case 404:
      if (isDiscoveryNotFound(error, api) || !api.details)
        return notInstalled(context, api);
      return notFound(context, api);
    case 409:
      return conflict(context, api);
    case 422:
      return invalid(context, api);
    case 400:
      return new InputError(
        `The ${describeCluster(cluster)} rejected ${describeResource(
          resource,
        )} as a bad request: correct the manifest`,
        api,
      );
    case 429:
      return new ServiceUnavailableError(
        `The ${describeCluster(
          cluster,
        )} is overloaded (429 Too Many Requests) and did not ${
          context.verb
        } ${describeResource(resource)}: try again later`,
        api,
      );
    default:
      break;
  }
  const fields = undeclaredFields(api);
  if (fields.length)
    // Server-side apply answers 500 for fields the schema lacks (a misspelt name, usually).
    return new InputError(
      `The ${describeCluster(cluster)} rejected ${describeResource(
        resource,
      )}: the ${resource.kind} schema has no field ${fields.join(
        ', ',
      )}. Remove or correct it (a misspelt field name?)`,
      api,
    );
  if (api.statusCode >= 500)
    return new ServiceUnavailableError(
      `The ${describeCluster(cluster)} failed to ${
        context.verb
      } ${describeResource(resource)} (HTTP ${
        api.statusCode
      }): try again later; if it persists, check the API server's health and logs`,
      api,
    );
  return new ForwardedError(
    `Could not ${context.verb} ${describeResource(
      resource,
    )} on ${describeCluster(cluster)}`,
    api,
  );
}
