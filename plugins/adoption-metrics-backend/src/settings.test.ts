import { ConfigReader } from '@backstage/config';
import { DORA_2023_BANDS } from '@internal/plugin-adoption-metrics-common';
import { readAdoptionSettings } from './settings';

describe('readAdoptionSettings', () => {
  it('defaults to the dora-2023 bands and takes a table of the platform team’s own', () => {
    expect(readAdoptionSettings(new ConfigReader({})).bands).toEqual(
      DORA_2023_BANDS,
    );
    const own = {
      ...DORA_2023_BANDS,
      version: 'acme-2026',
      metrics: {
        ...DORA_2023_BANDS.metrics,
        changeFailureRate: {
          better: 'lower',
          inclusive: true,
          elite: 0.02,
          high: 0.05,
          medium: 0.1,
        },
      },
    };
    const settings = readAdoptionSettings(
      new ConfigReader({ adoptionMetrics: { bands: own } } as any),
    );
    expect(settings.bands.version).toBe('acme-2026');
    expect(settings.bands.metrics.changeFailureRate.elite).toBe(0.02);
  });

  it('refuses bad values, naming the key and what to write', () => {
    const read = (adoptionMetrics: object) => () =>
      readAdoptionSettings(new ConfigReader({ adoptionMetrics } as any));
    expect(read({ collectEveryMinutes: 0 })).toThrow(
      /adoptionMetrics.collectEveryMinutes/,
    );
    expect(read({ recommendedTemplates: ['new-microservice'] })).toThrow(
      /must be a template ref, e.g. template:default\/new-microservice/,
    );
    expect(read({ currency: 'dollars' })).toThrow(/ISO 4217/);
    expect(
      read({
        bands: {
          ...DORA_2023_BANDS,
          metrics: {
            ...DORA_2023_BANDS.metrics,
            leadTimeHours: {
              better: 'lower',
              inclusive: false,
              elite: 200,
              high: 24,
              medium: 720,
            },
          },
        },
      }),
    ).toThrow(
      /adoptionMetrics.bands.metrics.leadTimeHours: elite, high and medium must be in order/,
    );
  });
});
