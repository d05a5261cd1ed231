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
