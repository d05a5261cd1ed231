import { parseIntervals, trendlineOf } from './costInsights';

describe('Cost Insights intervals', () => {
  it.each([
    ['R2/P30D/2026-10-01', 2, { days: 30 }, '2026-08-02'],
    ['R2/P90D/2026-10-01', 2, { days: 90 }, '2026-04-04'],
    ['R2/P1M/2026-10-01', 2, { months: 1 }, '2026-08-01'],
    ['R2/P3M/2026-03-31', 2, { months: 3 }, '2025-09-30'],
    ['R1/P7D/2028-03-01', 1, { days: 7 }, '2028-02-23'],
  ])('reads %s', (intervals, repetitions, duration, startDate) => {
    const parsed = parseIntervals(intervals);
    expect(parsed).toEqual({
      repetitions,
      duration,
      endDate: intervals.slice(-10),
      startDate,
    });
  });

  it.each([
    'R2/P1W/2026-10-01',
    '2026-10-01/P30D',
    'P30D',
    'R0/P30D/2026-10-01',
  ])('refuses %s and shows the accepted form', intervals => {
    expect(() => parseIntervals(intervals)).toThrow(
      `Cannot read "${intervals}" as Cost Insights intervals: write R<repetitions>/P<n>D`,
    );
  });

  it('refuses an end day that does not exist', () => {
    expect(() => parseIntervals('R2/P30D/2026-02-30')).toThrow(
      'Cannot read "2026-02-30" as a day',
    );
  });
});

describe('trendline', () => {
  it('fits three days with a slope of 10 a day, x in epoch seconds', () => {
    const trendline = trendlineOf([
      { date: '2026-01-01', amount: 10 },
      { date: '2026-01-02', amount: 25 },
      { date: '2026-01-03', amount: 30 },
    ]);
    // 10 a day = 10 / 86400 per second
    expect(trendline.slope).toBeCloseTo(0.000115740740740741, 15);
    // mean 65/3 at 2026-01-02 (1767312000 s): 65/3 − 1767312000 / 8640
    expect(trendline.intercept).toBeCloseTo(-204528.333333333, 6);
  });

  it('is flat through a single point, and zero without points', () => {
    expect(trendlineOf([{ date: '2026-01-01', amount: 7 }])).toEqual({
      slope: 0,
      intercept: 7,
    });
    expect(trendlineOf([])).toEqual({ slope: 0, intercept: 0 });
  });
});
