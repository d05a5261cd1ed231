// Which catalog Component a pod, volume or claim belongs to, by the annotations Backstage's
// Kubernetes plugin reads: `backstage.io/kubernetes-id` (objects labelled with it),
// `backstage.io/kubernetes-label-selector`, both limited by `backstage.io/kubernetes-namespace`;
// and `paved.dev/claims`, which names claims outright. An object is counted once: a claim named
// by paved.dev/claims first, then kubernetes-id (one limited to the namespace before one that is
// not), then a label selector, ties by entity ref; the
// other components that would have matched are reported, so nobody wonders where it went.
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CLAIMS_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  parseClaimRefs,
} from '@internal/plugin-workload-cost-common';
import {
  LabelLookup,
  LabelSelector,
  parseLabelSelector,
} from './labelSelector';

export interface MatchedComponent {
  ref: string;
  owner?: string;
}

export interface ObjectToMatch {
  kind: string;
  namespace: string;
  name: string;
  labels: LabelLookup;
}

export interface ComponentMatch extends MatchedComponent {
  /** Other components whose annotations also select the object (it is counted once). */
  alsoMatched: MatchedComponent[];
}

interface Target extends MatchedComponent {
  namespace?: string;
  selector?: LabelSelector;
}

function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') return undefined;
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

export class ComponentMatcher {
  private readonly claims = new Map<string, Target[]>();
  private readonly byId = new Map<string, Target[]>();
  private readonly selectors: Target[] = [];
  /** Components whose annotations could not be read, with why. */
  readonly problems: { ref: string; message: string }[] = [];

  static fromEntities(entities: readonly Entity[]): ComponentMatcher {
    const matcher = new ComponentMatcher();
    const sorted = [...entities].sort((a, b) =>
      stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
    );
    for (const entity of sorted) matcher.add(entity);
    return matcher;
  }

  private add(entity: Entity) {
    const annotations = entity.metadata.annotations ?? {};
    const target: Target = {
      ref: stringifyEntityRef(entity),
      owner: ownerOf(entity),
      namespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION] || undefined,
    };
    const id = annotations[KUBERNETES_ID_ANNOTATION];
    if (id) push(this.byId, id, target);
    const selector = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
    try {
      if (selector !== undefined) {
        this.selectors.push({
          ...target,
          selector: parseLabelSelector(selector),
        });
      }
      for (const claim of parseClaimRefs(
        annotations[CLAIMS_ANNOTATION] ?? '',
      )) {
        push(
          this.claims,
          `${claim.kind}/${claim.namespace}/${claim.name}`,
          target,
        );
      }
    } catch (error) {
      this.problems.push({
        ref: target.ref,
        message: (error as Error).message,
      });
    }
  }

  match(object: ObjectToMatch): ComponentMatch | undefined {
    const inNamespace = (target: Target) =>
      !target.namespace || target.namespace === object.namespace;
    const id = object.labels(KUBERNETES_ID_ANNOTATION);
    const candidates = [
      ...(this.claims.get(
        `${object.kind}/${object.namespace}/${object.name}`,
      ) ?? []),
      // A component limited to this namespace is more specific than one that is not.
      ...(id ? this.byId.get(id) ?? [] : [])
        .filter(inNamespace)
        .sort((a, b) => Number(!a.namespace) - Number(!b.namespace)),
      ...this.selectors.filter(
        target => inNamespace(target) && target.selector!(object.labels),
      ),
    ];
    if (candidates.length === 0) return undefined;
    const [first] = candidates;
    const others = new Map<string, MatchedComponent>();
    for (const { ref, owner } of candidates) {
      if (ref !== first.ref) others.set(ref, { ref, owner });
    }
    return {
      ref: first.ref,
      owner: first.owner,
      alsoMatched: [...others.values()],
    };
  }
}
