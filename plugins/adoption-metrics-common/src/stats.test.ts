import { median, percentile } from './stats';
import { localDay, weekOf } from './time';
import { bandFor, DORA_2023_BANDS } from './bands';

describe('order statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('takes percentiles by nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile([7], 90)).toBe(7);
  });
});

describe('time zones', () => {
  it('puts a deploy at 23:30 UTC on the next day in Seoul and the same day in New York', () => {
    expect(localDay('2026-03-10T23:30:00Z', 'UTC')).toBe('2026-03-10');
    expect(localDay('2026-03-10T23:30:00Z', 'Asia/Seoul')).toBe('2026-03-11');
    expect(localDay('2026-03-11T03:30:00Z', 'America/New_York')).toBe(
      '2026-03-10',
    );
  });

  it('finds the Monday of a week', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
  });
});

describe('DORA bands (dora-2023)', () => {
  it.each([
    ['leadTimeHours', 23.9, 'elite'],
    ['leadTimeHours', 24, 'high'],
    ['leadTimeHours', 720, 'low'],
    ['timeToRestoreHours', 0.5, 'elite'],
    ['timeToRestoreHours', 1, 'high'],
    ['changeFailureRate', 0.05, 'elite'],
    ['changeFailureRate', 0.1, 'high'],
    ['changeFailureRate', 0.16, 'low'],
    ['deploymentFrequency', 7, 'elite'],
    ['deploymentFrequency', 1, 'high'],
    ['deploymentFrequency', 0.2, 'low'],
  ] as const)('bands %s %d as %s', (metric, value, band) => {
    expect(bandFor(DORA_2023_BANDS, metric, value)).toBe(band);
  });

  it('gives no band without a value', () => {
    expect(
      bandFor(DORA_2023_BANDS, 'leadTimeHours', undefined),
    ).toBeUndefined();
  });
});
