import { checkBudget } from './budget';
import { compareCosts } from './change';
import { DailyCost, forecastMonth } from './forecast';
import { daysInMonth } from './utcDays';

/** One point per day from `first` for `amounts.length` days. */
function series(first: string, amounts: number[]): DailyCost[] {
  return amounts.map((amount, i) => {
    const date = new Date(`${first}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    return { date: date.toISOString().slice(0, 10), amount };
  });
}

describe('month lengths', () => {
  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 9, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('forecasting a month', () => {
  // September 2026 (30 days), on the 11th: days 1-3 at 80, 4-9 at 100, the 10th at 170, today
  // partial. August at 95 a day.
  const september = [
    ...series('2026-08-01', Array(31).fill(95)),
    ...series('2026-09-01', [80, 80, 80, 100, 100, 100, 100, 100, 100, 170]),
    { date: '2026-09-11', amount: 40, partial: true },
  ];

  it('forecasts a 30-day month from the last 7 days', () => {
    const month = forecastMonth(september, '2026-09-11T10:00:00Z');
    expect(month.month).toBe('2026-09');
    expect(month.daysInMonth).toBe(30);
    expect(month.fullDaysElapsed).toBe(10);
    expect(month.remainingDays).toBe(20);
    expect(month.monthToDate).toBe(1010);
    expect(month.todaySoFar).toBe(40);
    // (6 × 100 + 170) / 7 = 110 a day; × 30 days
    expect(month.runRate?.basis).toBe('last-7-days');
    expect(month.runRate?.days).toHaveLength(7);
    expect(month.runRate?.daily).toBe(110);
    expect(month.runRate?.monthly).toBe(3300);
    // 1010 + 20 × 110
    expect(month.forecast).toBe(3210);
    expect(month.missingDays).toEqual([]);
    // against August's 31 × 95 = 2945: +265, +9.0 %
    expect(month.previousMonth).toEqual({
      month: '2026-08',
      total: 2945,
      missingDays: [],
    });
    expect(month.change?.amount).toBe(265);
    expect(month.change?.ratio).toBeCloseTo(0.0899830220713073, 12);
    expect(month.change?.status).toBe('increase');
  });

  it('can take the last full day as the run-rate instead', () => {
    const month = forecastMonth(september, '2026-09-11T10:00:00Z', {
      runRateBasis: 'last-full-day',
    });
    expect(month.runRate).toEqual({
      basis: 'last-full-day',
      days: ['2026-09-10'],
      daily: 170,
      monthly: 5100,
    });
    // 1010 + 20 × 170
    expect(month.forecast).toBe(4410);
  });

  it("starts February 2028 (leap year) on its first day from January's last week", () => {
    const points = series('2028-01-25', [10, 20, 30, 40, 50, 60, 70]);
    const month = forecastMonth(points, '2028-02-01T08:00:00Z');
    expect(month.daysInMonth).toBe(29);
    expect(month.fullDaysElapsed).toBe(0);
    expect(month.remainingDays).toBe(29);
    expect(month.monthToDate).toBe(0);
    // average 40 a day × 29 days
    expect(month.runRate?.daily).toBe(40);
    expect(month.runRate?.monthly).toBe(1160);
    expect(month.forecast).toBe(1160);
    expect(month.previousMonth.total).toBe(280);
    expect(month.previousMonth.missingDays).toHaveLength(24);
  });

  it('ends February 2028 on the 29th, with a missing and a partial day', () => {
    const points = series('2028-02-01', Array(28).fill(50))
      .filter(point => point.date !== '2028-02-10')
      .map(point =>
        point.date === '2028-02-28'
          ? { ...point, amount: 20, partial: true }
          : point,
      );
    const month = forecastMonth(points, '2028-02-29T12:00:00Z');
    expect(month.fullDaysElapsed).toBe(28);
    expect(month.remainingDays).toBe(1);
    // 26 days × 50 + the partial 20
    expect(month.monthToDate).toBe(1320);
    expect(month.missingDays).toEqual(['2028-02-10']);
    expect(month.partialDays).toEqual(['2028-02-28']);
    // the partial 28th is left out of the rate: 6 complete days at 50
    expect(month.runRate?.days).toHaveLength(6);
    expect(month.runRate?.daily).toBe(50);
    expect(month.runRate?.monthly).toBe(1450);
    expect(month.forecast).toBe(1370);
  });

  it('gives no forecast without a complete day in the last week', () => {
    const month = forecastMonth(
      [{ date: '2026-09-11', amount: 40, partial: true }],
      '2026-09-11T10:00:00Z',
    );
    expect(month.runRate).toBeUndefined();
    expect(month.forecast).toBeUndefined();
    expect(month.change).toBeUndefined();
  });

  it('adds two points of one day (two clusters)', () => {
    const month = forecastMonth(
      [
        { date: '2026-09-01', amount: 30 },
        { date: '2026-09-01', amount: 12 },
      ],
      '2026-09-02T00:00:00Z',
    );
    expect(month.monthToDate).toBe(42);
  });

  it('refuses a malformed day', () => {
    expect(() =>
      forecastMonth([{ date: '2026-9-1', amount: 1 }], '2026-09-02T00:00:00Z'),
    ).toThrow('Cannot read "2026-9-1" as a day: write YYYY-MM-DD');
  });
});

describe('change against the previous period (Cost Insights thresholds)', () => {
  it.each([
    [104.99, 100, 'negligible'],
    [95.01, 100, 'negligible'],
    [100, 100, 'negligible'],
    [105, 100, 'increase'],
    [95, 100, 'decrease'],
    [150, 100, 'increase'],
  ] as const)('%d against %d is %s', (current, previous, status) => {
    expect(compareCosts(current, previous).status).toBe(status);
  });

  it('gives amount and ratio', () => {
    expect(compareCosts(105, 100)).toEqual({
      amount: 5,
      ratio: 0.05,
      status: 'increase',
    });
  });

  it('gives no ratio against zero', () => {
    expect(compareCosts(20, 0)).toEqual({ amount: 20, status: 'increase' });
  });
});

describe('checking a budget', () => {
  it('is over when the forecast passes the budget, and says by how much', () => {
    expect(
      checkBudget({
        budget: { amount: 3000, currency: 'USD' },
        currency: 'USD',
        forecast: 3210,
        monthToDate: 1010,
      }),
    ).toEqual({
      status: 'over',
      budget: 3000,
      currency: 'USD',
      forecast: 3210,
      overBy: 210,
      ratio: 1.07,
      alreadyOver: false,
    });
  });

  it('is within when the forecast meets the budget exactly', () => {
    const check = checkBudget({
      budget: { amount: 3210 },
      currency: 'USD',
      forecast: 3210,
      monthToDate: 1010,
    });
    expect(check.status).toBe('within');
    expect(check.overBy).toBe(0);
  });

  it('is unknown without a forecast but still sees a month already over', () => {
    const check = checkBudget({
      budget: { amount: 1000 },
      currency: 'USD',
      monthToDate: 1010,
    });
    expect(check.status).toBe('unknown');
    expect(check.alreadyOver).toBe(true);
  });

  it('refuses a budget in another currency', () => {
    expect(() =>
      checkBudget({
        budget: { amount: 2500, currency: 'EUR' },
        currency: 'USD',
        forecast: 100,
        monthToDate: 0,
      }),
    ).toThrow(
      'The budget is in EUR but costs are in USD: write the budget in USD, e.g. "2500 USD"',
    );
  });
});
