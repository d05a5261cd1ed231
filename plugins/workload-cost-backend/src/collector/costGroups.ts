// One cluster's hour, added up per namespace and component as it is priced: the samples to store
// and, beside each, what was counted and what was not. What matches no component is kept as the
// namespace's unallocated cost, never dropped.
import {
  addParts,
  CostParts,
  CostSample,
  CountedDetails,
  SampleKind,
  ZERO_PARTS,
} from '../store/types';
import { MatchedComponent } from './componentMatcher';

export interface CostGroup {
  namespace: string;
  component?: MatchedComponent;
  kind: SampleKind;
  parts: CostParts;
  methods: Set<string>;
  details: Omit<
    CountedDetails,
    'cluster' | 'namespace' | 'component' | 'hour' | 'complete'
  >;
}

export class CostGroups {
  private readonly groups = new Map<string, CostGroup>();

  constructor(
    private readonly cluster: string,
    private readonly hour: string,
    private readonly currency: string,
  ) {}

  /** The group of a namespace's component, or of its unallocated rest. */
  group(
    namespace: string,
    component?: MatchedComponent,
    kind: SampleKind = component ? 'component' : 'unallocated',
  ): CostGroup {
    const key = `${namespace}\u0000${component?.ref ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = {
        namespace,
        component,
        kind,
        parts: { ...ZERO_PARTS },
        methods: new Set(),
        details: { workloads: [], volumes: [], claims: [], notCounted: [] },
      };
      this.groups.set(key, group);
    }
    return group;
  }

  /** Adds a cost to a group; the total is the parts' sum unless given (OpenCost's own total). */
  static add(
    group: CostGroup,
    parts: Partial<CostParts>,
    method?: string,
  ): void {
    const full = { ...ZERO_PARTS, ...parts };
    if (parts.total === undefined) {
      full.total =
        full.cpu +
        full.memory +
        full.storage +
        full.gpu +
        full.databases +
        full.other;
    }
    group.parts = addParts(group.parts, full);
    if (method) group.methods.add(method);
  }

  samples(fallbackMethod: string, complete: boolean): CostSample[] {
    return [...this.groups.values()].map(group => {
      const methods = [...group.methods];
      let method = fallbackMethod;
      if (methods.length === 1) method = methods[0];
      else if (methods.length > 1) method = 'mixed';
      return {
        hour: this.hour,
        cluster: this.cluster,
        namespace: group.namespace,
        component: group.component?.ref,
        owner: group.component?.owner,
        kind: group.kind,
        currency: this.currency,
        ...group.parts,
        method,
        complete,
      };
    });
  }

  counted(complete: boolean): CountedDetails[] {
    return [...this.groups.values()].map(group => ({
      cluster: this.cluster,
      namespace: group.namespace,
      component: group.component?.ref,
      hour: this.hour,
      complete,
      ...group.details,
    }));
  }
}
