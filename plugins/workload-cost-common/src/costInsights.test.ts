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
    'R2/P0D/2026-10-01',
    'R2/P-30D/2026-10-01',
    'R-2/P30D/2026-10-01',
    'RNaN/P30D/2026-10-01',
    'R2/PNaND/2026-10-01',
    'R2/P30D/+12026-10-01',
  ])('refuses %s and shows the accepted form', intervals => {
    expect(() => parseIntervals(intervals)).toThrow(
      `Cannot read "${intervals}" as Cost Insights intervals: send R<n>/P<days>D/<YYYY-MM-DD> with n × days ≤ 366`,
    );
  });

  it.each([
    'R1/P800000D/2026-11-01',
    'R2/P184D/2026-11-01',
    'R99999999999999999999/P1D/2026-11-01',
    'R13/P1M/2026-11-01',
    'R1/P100000000M/2026-11-01',
  ])('refuses %s: more than a year', intervals => {
    expect(() => parseIntervals(intervals)).toThrow(
      /^at most 366 days .*; send R<n>\/P<days>D\/<YYYY-MM-DD> with n × days ≤ 366/,
    );
  });

  it('takes a whole leap year', () => {
    expect(parseIntervals('R1/P366D/2025-01-01').startDate).toBe('2024-01-01');
    expect(parseIntervals('R12/P1M/2025-01-01').startDate).toBe('2024-01-01');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '1969-12-31'])(
    'refuses the end day %s, which does not exist or is before 1970',
    day => {
      expect(() => parseIntervals(`R2/P30D/${day}`)).toThrow(
        `Cannot read "${day}" as a day: write YYYY-MM-DD (UTC) from 1970-01-01 to 9999-12-31`,
      );
    },
  );

  it('refuses a start before 1970', () => {
    for (const intervals of ['R1/P30D/1970-01-10', 'R1/P1M/1970-01-10']) {
      expect(() => parseIntervals(intervals)).toThrow(
        'the first period would start before 1970-01-01; send R<n>/P<days>D/<YYYY-MM-DD>',
      );
    }
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
