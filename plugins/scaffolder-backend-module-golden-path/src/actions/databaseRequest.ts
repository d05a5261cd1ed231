// Turns the template's database section into a guardrail-checked claim request (or none).
import { InputError } from '@backstage/errors';
import { GoldenPathConfig } from '../config/goldenPathConfig';
import {
  checkClaimRequest,
  CheckedClaimRequest,
} from '../guardrails/checkClaimRequest';
import { DatabaseInput } from './inputSchemas';

export function databaseRequest(
  config: GoldenPathConfig,
  database: DatabaseInput | undefined,
): CheckedClaimRequest | undefined {
  if (!database || database.enabled === false) return undefined;
  const offering = database.offering ?? Object.keys(config.offerings)[0];
  if (!database.tier || database.storageGB === undefined) {
    throw new InputError(
      'A database needs a tier and storageGB; leave the database section out for a service without one.',
    );
  }
  return checkClaimRequest(config, {
    offering,
    tier: database.tier,
    storageGB: database.storageGB,
    region: database.region,
    options:
      database.multiAZ === undefined ? {} : { multiAZ: database.multiAZ },
  });
}
