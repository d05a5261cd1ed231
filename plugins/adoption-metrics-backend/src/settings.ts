// `adoptionMetrics` in app-config, checked at start-up.
import { Config } from '@backstage/config';
import { z } from 'zod';

const schema = z.object({
  recommendedTemplates: z
    .array(
      z
        .string()
        .regex(
          /^template:[a-z0-9-]+\/[a-z0-9-]+$/i,
          'must be a template ref, e.g. template:default/new-microservice',
        ),
    )
    .default(['template:default/new-microservice']),
  productionEnvironment: z.string().min(1).default('production'),
  collectEveryMinutes: z.number().int().min(1).max(1440).default(5),
  // Seed 001: a new service took ~40 developer hours before the golden path and ~4 with it.
  hoursSavedPerRun: z.number().min(0).max(1000).default(36),
  hourlyRate: z.number().min(0).default(150),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR')
    .default('USD'),
  // Portal use and the survey (src/usage, src/survey).
  pseudonymSalt: z.string().min(16, 'use at least 16 characters').optional(),
  eligiblePeople: z.number().int().min(1).optional(),
  survey: z
    .object({
      enabled: z.boolean().default(true),
      minResponses: z.number().int().min(2).max(100).default(5),
    })
    .default({ enabled: true, minResponses: 5 }),
});

export type AdoptionSettings = z.infer<typeof schema>;

export function readAdoptionSettings(config: Config): AdoptionSettings {
  const parsed = schema.safeParse(config.getOptional('adoptionMetrics') ?? {});
  if (!parsed.success) {
    throw new Error(
      `Invalid adoptionMetrics config: ${parsed.error.issues
        .map(i => `adoptionMetrics.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
