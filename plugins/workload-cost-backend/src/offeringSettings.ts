// The golden path's offerings (`paved.goldenPath.offerings`) as the cost features read them: the
// claim kind to list in each cluster, and the list prices in `pricing`, checked against the
// offering's tiers and the price sheet's currency (claims and pods are added up).
import { Config } from '@backstage/config';
import {
  OfferingPricing,
  readOfferingPricing,
} from '@internal/plugin-workload-cost-common';

/** A golden-path offering whose claims can be priced. */
export interface PricedOfferingSettings {
  id: string;
  title: string;
  apiVersion: string;
  kind: string;
  tiers: Record<string, { description?: string }>;
  /** Absent: the offering has no `pricing` block and its claims are listed as not counted. */
  pricing?: OfferingPricing;
}

export function offeringsOf(
  config: Config,
  currency: string,
  problems: string[],
): PricedOfferingSettings[] {
  const offerings = config.getOptionalConfig('paved.goldenPath.offerings');
  return (offerings?.keys() ?? []).map(id => {
    const offering = offerings!.getConfig(id);
    const tiers =
      offering.getOptional<Record<string, { description?: string }>>('tiers') ??
      {};
    const path = `paved.goldenPath.offerings.${id}.pricing`;
    let pricing: OfferingPricing | undefined;
    if (offering.has('pricing')) {
      try {
        pricing = readOfferingPricing(
          offering.getOptional('pricing'),
          path,
          Object.keys(tiers),
        );
        if (pricing.currency !== currency) {
          problems.push(
            `${path}.currency: ${pricing.currency} differs from workloadCost.prices.currency (${currency}); costs are added up, so write both in one currency`,
          );
        }
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    return {
      id,
      title: offering.getOptionalString('title') ?? id,
      apiVersion: offering.getString('apiVersion'),
      kind: offering.getString('kind'),
      tiers,
      pricing,
    };
  });
}
