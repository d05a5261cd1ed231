// The group tree, read from the catalog with the module's own service credentials and kept for
// a minute: a policy decision must not cost a catalog query, and a new sub-team may take that
// long to count.
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

export interface TeamTreeOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** How long a tree read from the catalog is used; default one minute. */
  maxAgeMs?: number;
  /** The clock, so tests move time instead of waiting. */
  now?: () => number;
}

/** Group ref → the refs of its direct sub-teams. */
type ChildrenByGroup = Map<string, Set<string>>;

export class TeamTree {
  readonly #options: TeamTreeOptions;
  #cached?: { readAt: number; children: ChildrenByGroup };
  #reading?: Promise<ChildrenByGroup>;

  constructor(options: TeamTreeOptions) {
    this.#options = options;
  }

  /** The given groups and all their descendants, as normalised refs, sorted. */
  async withDescendants(groupRefs: Iterable<string>): Promise<string[]> {
    const children = await this.#children();
    const found = new Set<string>();
    const pending = [...groupRefs];
    while (pending.length > 0) {
      const ref = pending.pop()!;
      if (found.has(ref)) continue; // a cycle in the catalog must not loop
      found.add(ref);
      pending.push(...(children.get(ref) ?? []));
    }
    return [...found].sort();
  }

  async #children(): Promise<ChildrenByGroup> {
    const now = (this.#options.now ?? Date.now)();
    const maxAge = this.#options.maxAgeMs ?? 60_000;
    if (this.#cached && now - this.#cached.readAt < maxAge) {
      return this.#cached.children;
    }
    this.#reading ??= this.#read()
      .then(children => {
        this.#cached = { readAt: now, children };
        return children;
      })
      .catch(error => {
        // A stale tree is better than refusing everyone while the catalog restarts.
        if (this.#cached) {
          this.#options.logger.warn(
            `Could not refresh the group tree, using the one from ${new Date(
              this.#cached.readAt,
            ).toISOString()}: ${error}`,
          );
          return this.#cached.children;
        }
        throw error;
      })
      .finally(() => {
        this.#reading = undefined;
      });
    return this.#reading;
  }

  async #read(): Promise<ChildrenByGroup> {
    const { catalog, auth } = this.#options;
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.parent',
          'spec.children',
          'relations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const children: ChildrenByGroup = new Map();
    const link = (parent: string, child: string) => {
      if (!children.has(parent)) children.set(parent, new Set());
      children.get(parent)!.add(child);
    };
    for (const group of items) {
      for (const [parent, child] of edgesOf(group)) link(parent, child);
    }
    return children;
  }
}

/** Parent → child edges an entity states, from its spec and from the relations the catalog made. */
function edgesOf(group: Entity): Array<[string, string]> {
  const self = stringifyEntityRef(group);
  const namespace = group.metadata.namespace ?? 'default';
  const groupRef = (ref: string) =>
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  const edges: Array<[string, string]> = [];
  const spec = (group.spec ?? {}) as { parent?: unknown; children?: unknown };
  if (typeof spec.parent === 'string')
    edges.push([groupRef(spec.parent), self]);
  if (Array.isArray(spec.children)) {
    for (const child of spec.children) {
      if (typeof child === 'string') edges.push([self, groupRef(child)]);
    }
  }
  for (const relation of group.relations ?? []) {
    if (relation.type === RELATION_PARENT_OF)
      edges.push([self, relation.targetRef]);
    if (relation.type === RELATION_CHILD_OF)
      edges.push([relation.targetRef, self]);
  }
  return edges;
}
