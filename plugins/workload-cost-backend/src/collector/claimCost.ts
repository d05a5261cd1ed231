// A Crossplane claim for one hour at its offering's list price: the tier from
// spec.parameters.tier (or the golden path's paved.dev/tier label), the storage from
// spec.parameters.storageGB, and each priced option (e.g. multiAZ) that the claim turns on.
import {
  CLAIM_TIER_LABEL,
  priceClaim,
} from '@internal/plugin-workload-cost-common';
import { CountedClaim, NotCountedItem } from '../store/types';
import { ClaimObject } from './clusterInventory';

export function claimCostForHour(
  claim: ClaimObject,
): { counted: CountedClaim } | { notCounted: NotCountedItem } {
  const { offering, object } = claim;
  const name = `${object.metadata?.namespace}/${object.metadata?.name}`;
  const what = `${offering.kind} ${name}`;
  if (!offering.pricing) {
    return {
      notCounted: {
        what,
        reason: `the ${offering.id} offering has no price list: add paved.goldenPath.offerings.${offering.id}.pricing`,
      },
    };
  }
  const parameters: Record<string, unknown> =
    (object as { spec?: { parameters?: Record<string, unknown> } }).spec
      ?.parameters ?? {};
  const tier =
    typeof parameters.tier === 'string'
      ? parameters.tier
      : object.metadata?.labels?.[CLAIM_TIER_LABEL];
  const storageGB =
    typeof parameters.storageGB === 'number' ? parameters.storageGB : 0;
  const options = Object.fromEntries(
    Object.keys(offering.pricing.optionMultipliers).map(option => [
      option,
      parameters[option] === true,
    ]),
  );
  if (!tier) {
    return {
      notCounted: {
        what,
        reason: `no tier in spec.parameters.tier or the ${CLAIM_TIER_LABEL} label`,
      },
    };
  }
  try {
    const price = priceClaim({
      offering: {
        title: offering.title,
        tiers: offering.tiers,
        pricing: offering.pricing,
      },
      tier,
      storageGB,
      options,
      hours: 1,
    });
    return {
      counted: {
        kind: offering.kind,
        name,
        offering: offering.id,
        tier,
        storageGB,
        cost: price.total,
        lines: price.lines,
      },
    };
  } catch (error) {
    return { notCounted: { what, reason: (error as Error).message } };
  }
}
