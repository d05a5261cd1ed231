// Zod pieces the golden-path actions share, in the form createTemplateAction takes (it hands each
// schema its own zod).
import type { z as zod } from 'zod/v3';

type Z = typeof zod;

export const serviceNameInput = (z: Z) =>
  z.string({
    description:
      'Service name: 4-30 lowercase letters, digits and hyphens, starting with a letter',
  });

export const ownerInput = (z: Z) =>
  z.string({ description: 'Owning team, e.g. group:default/checkout' });

export const environmentInput = (z: Z) =>
  z.string({
    description: 'Environment, one of paved.goldenPath.environments (e.g. dev)',
  });

export const databaseInput = (z: Z) =>
  z
    .object(
      {
        enabled: z.boolean().optional(),
        offering: z.string().optional(),
        tier: z.string().optional(),
        storageGB: z.number().optional(),
        region: z.string().optional(),
        multiAZ: z.boolean().optional(),
      },
      {
        description:
          'The database asked for: offering, tier, storageGB, region, multiAZ. Leave out (or enabled: false) for none.',
      },
    )
    .optional();

export type DatabaseInput = {
  enabled?: boolean;
  offering?: string;
  tier?: string;
  storageGB?: number;
  region?: string;
  multiAZ?: boolean;
};
