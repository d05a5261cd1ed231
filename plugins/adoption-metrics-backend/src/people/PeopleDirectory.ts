// What the catalog says about people: a person's team (their first group) and how many people
// could use the portal. Read with the plugin's own service credentials and cached for a while,
// so an event batch costs no catalog call most of the time. Errors never name the person.
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

export interface EligiblePeople {
  people: number;
  source: string;
}

const TTL_MS = 10 * 60_000;
const MAX_CACHED = 10_000;

/** The first group a user is a member of: as written in spec.memberOf, else from relations. */
export function firstGroup(user: Entity): string | undefined {
  const namespace = user.metadata.namespace ?? 'default';
  const declared = user.spec?.memberOf;
  if (Array.isArray(declared) && typeof declared[0] === 'string') {
    return stringifyEntityRef(
      parseEntityRef(declared[0], {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  }
  return (user.relations ?? [])
    .filter(
      r => r.type === RELATION_MEMBER_OF && r.targetRef.startsWith('group:'),
    )
    .map(r => r.targetRef)
    .sort()[0];
}

export class PeopleDirectory {
  private readonly cache = new Map<string, { value: any; until: number }>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** adoptionMetrics.eligiblePeople: a configured population overrides the catalog's. */
      eligiblePeople?: number;
      now?: () => number;
    },
  ) {}

  /** The person's team, or undefined when they are in no group or the catalog can't say. */
  async teamOf(userEntityRef: string): Promise<string | undefined> {
    return this.cached(`team:${userEntityRef}`, async () => {
      try {
        const user = await this.deps.catalog.getEntityByRef(userEntityRef, {
          credentials: await this.deps.auth.getOwnServiceCredentials(),
        });
        return user ? firstGroup(user) : undefined;
      } catch (error) {
        this.deps.logger.warn(
          `Could not look up a person's team: ${(error as Error).name}`,
        );
        return undefined;
      }
    });
  }

  /** The people who could use the portal: configured, the group's members, or all Users. */
  async eligible(owner?: string): Promise<EligiblePeople> {
    if (this.deps.eligiblePeople !== undefined) {
      return {
        people: this.deps.eligiblePeople,
        source: 'configured (adoptionMetrics.eligiblePeople)',
      };
    }
    return this.cached(`eligible:${owner ?? ''}`, async () => {
      const filter: Record<string, string> = { kind: 'User' };
      if (owner) filter['relations.memberOf'] = owner;
      const { totalItems } = await this.deps.catalog.queryEntities(
        { filter, limit: 1, fields: ['metadata.name'] },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      return {
        people: totalItems,
        source: owner
          ? `members of ${owner} in the catalog`
          : 'User entities in the catalog',
      };
    });
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.deps.now?.() ?? Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, { value, until: now + TTL_MS });
    return value;
  }
}
