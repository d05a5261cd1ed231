// `adoptionMetrics` in app-config, checked at start-up.
import { Config } from '@backstage/config';
import { z } from 'zod';
import { DORA_2023_BANDS } from '@internal/plugin-adoption-metrics-common';

const thresholds = z
  .object({
    better: z.enum(['lower', 'higher']),
    inclusive: z.boolean(),
    elite: z.number(),
    high: z.number(),
    medium: z.number(),
  })
  .refine(
    t =>
      t.better === 'lower'
        ? t.elite <= t.high && t.high <= t.medium
        : t.elite >= t.high && t.high >= t.medium,
    'elite, high and medium must be in order (rising when lower is better, falling otherwise)',
  );

// A band table of the platform team's own (its version is shown beside every band).
const bands = z.object({
  version: z.string().min(1),
  metrics: z.object({
    deploymentFrequency: thresholds,
    leadTimeHours: thresholds,
    timeToRestoreHours: thresholds,
    changeFailureRate: thresholds,
  }),
});

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
  bands: bands.default(DORA_2023_BANDS),
  collectEveryMinutes: z.number().int().min(1).max(1440).default(5),
  // Seed 001: a new service took ~40 developer hours before the golden path and ~4 with it.
  hoursSavedPerRun: z.number().min(0).max(1000).default(36),
  hourlyRate: z.number().min(0).default(150),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR')
    .default('USD'),
  // Portal use and the survey (src/usage, src/survey).
  // A secret: its value never appears in an error.
  pseudonymSalt: z
    .string({ error: 'must be a string of at least 32 characters' })
    .min(
      32,
      'must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)',
    )
    .optional(),
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
