// The platform team's guardrails, applied to what a developer asked for. Runs before anything is
// created (the preflight step) and again in the claim action, so a request over a limit never
// reaches git or a cluster.
import { InputError } from '@backstage/errors';
import { GoldenPathConfig, Offering } from '../config/goldenPathConfig';

/** What a developer asks for in the form. */
export interface ClaimRequest {
  offering: string;
  tier: string;
  storageGB: number;
  region?: string;
  /** Boolean options such as multiAZ; only the ones turned on matter to the guardrails. */
  options?: Record<string, boolean>;
}

/** A request that passed the guardrails, with defaults filled in. */
export interface CheckedClaimRequest {
  offeringId: string;
  offering: Offering;
  tier: string;
  storageGB: number;
  region: string;
  options: Record<string, boolean>;
}

/** `record[key]` when the record itself has that key, never what its prototype has. */
export function ownValue<T>(
  record: Record<string, T>,
  key: string,
): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const list = (items: string[]) =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/**
 * Checks a claim request against the offering's guardrails. Throws one InputError listing every
 * problem, each with the limit and what to do instead.
 */
export function checkClaimRequest(
  config: Pick<GoldenPathConfig, 'offerings'>,
  request: ClaimRequest,
): CheckedClaimRequest {
  // Own keys only: a tier or offering named `constructor` or `__proto__` is unknown, not a prototype.
  const offering = ownValue(config.offerings, request.offering);
  if (!offering) {
    const known = Object.keys(config.offerings);
    throw new InputError(
      known.length
        ? `Unknown infrastructure offering "${request.offering}": choose ${list(
            known,
          )}.`
        : 'No infrastructure offerings are configured: the platform team adds them under paved.goldenPath.offerings.',
    );
  }
  const problems: string[] = [];
  const ask = `ask the platform team (${offering.approvalContact})`;
  const tiers = Object.keys(offering.tiers);
  const openTiers = tiers.filter(t => !offering.tiers[t].requiresApproval);
  const tier = ownValue(offering.tiers, request.tier);
  if (!tier) {
    problems.push(
      `tier "${request.tier}" is not offered for ${
        offering.title
      }: choose ${list(tiers)}`,
    );
  } else if (tier.requiresApproval) {
    problems.push(
      `tier ${request.tier} needs approval: choose ${list(
        openTiers,
      )}, or ${ask}`,
    );
  }

  const region = request.region || offering.regions[0];
  if (!offering.regions.includes(region)) {
    problems.push(
      `region "${region}" is not offered for ${offering.title}: choose ${list(
        offering.regions,
      )}`,
    );
  }

  const storage = request.storageGB;
  if (!Number.isSafeInteger(storage)) {
    problems.push(`storage must be a whole number of GB, not "${storage}"`);
  } else if (storage < offering.minStorageGB) {
    problems.push(
      `storage ${storage} GB is below the ${offering.minStorageGB} GB minimum of ${offering.title}; choose at least ${offering.minStorageGB}`,
    );
  } else if (tier && storage > tier.maxStorageGB) {
    problems.push(
      `storage ${storage} GB exceeds the ${tier.maxStorageGB} GB limit of tier ${request.tier}; choose ≤ ${tier.maxStorageGB} or ${ask}`,
    );
  }

  const options = request.options ?? {};
  for (const [option, on] of Object.entries(options)) {
    if (on && offering.approvalOptions.includes(option)) {
      problems.push(`${option} needs approval: turn it off, or ${ask}`);
    }
  }

  if (problems.length) {
    throw new InputError(
      `The ${
        offering.title
      } request is outside the platform's guardrails: ${problems.join('; ')}.`,
    );
  }
  return {
    offeringId: request.offering,
    offering,
    tier: request.tier,
    storageGB: storage,
    region,
    options,
  };
}
