// GET /price: what a claim choice costs a month, from the same sheet the collector prices claims
// with, for the Create form's field. Every option the offering prices is a query parameter
// (multiAZ=true); anything else is refused, naming the parameter.
import { InputError, NotFoundError } from '@backstage/errors';
import {
  monthlyClaimPrice,
  type ClaimPriceResponse,
} from '@internal/plugin-workload-cost-common';
import { CostSettings } from '../settings';

export type { ClaimPriceResponse };

export function claimPrice(
  settings: CostSettings,
  query: { offering: string; tier: string; storageGB: number },
  rest: Record<string, unknown>,
): ClaimPriceResponse {
  const offering = settings.offerings.find(o => o.id === query.offering);
  if (!offering) {
    const known = settings.offerings.map(o => o.id).join(', ') || 'none';
    throw new InputError(
      `offering: there is no offering "${query.offering}"; the offerings are ${known}`,
    );
  }
  if (!offering.pricing) {
    throw new NotFoundError(
      `The ${offering.id} offering has no price list: the platform team adds paved.goldenPath.offerings.${offering.id}.pricing`,
    );
  }
  // hasOwn, not `in`: tier=constructor or toString must not find Object.prototype.
  if (!Object.hasOwn(offering.pricing.instance, query.tier)) {
    throw new InputError(
      `tier: "${query.tier}" is not a tier of ${
        offering.id
      }; the tiers are ${Object.keys(offering.pricing.instance).join(', ')}`,
    );
  }
  const priced = Object.keys(offering.pricing.optionMultipliers);
  const options: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!priced.includes(key)) {
      throw new InputError(
        `${key}: not a priced option of ${offering.id}; the options are ${
          priced.join(', ') || 'none'
        }`,
      );
    }
    if (value !== 'true' && value !== 'false') {
      throw new InputError(`${key}: must be true or false`);
    }
    options[key] = value === 'true';
  }
  const price = monthlyClaimPrice({
    offering: {
      title: offering.title,
      tiers: offering.tiers,
      pricing: offering.pricing,
    },
    tier: query.tier,
    storageGB: query.storageGB,
    options,
  });
  return { offering: offering.id, options, ...price };
}
