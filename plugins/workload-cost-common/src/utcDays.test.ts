import {
  addDays,
  dayNumber,
  daysBetween,
  daysFrom,
  monthsBefore,
} from './utcDays';

describe('UTC days', () => {
  it('counts days as numbers across months, leap days and years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysFrom('2024-01-01', '2025-01-01')).toBe(366);
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('lists the days of a span, both ends included', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(daysBetween('2026-01-02', '2026-01-01')).toEqual([]);
    expect(daysBetween('2024-01-01', '2024-12-31')).toHaveLength(366);
  });

  it('refuses a span of more than 366 days instead of building it', () => {
    expect(() => daysBetween('2024-01-01', '2025-01-01')).toThrow(
      '2024-01-01 to 2025-01-01 is more than 366 days',
    );
    expect(() => daysBetween('1970-01-01', '9999-12-31')).toThrow(RangeError);
  });

  it.each(['2026-02-30', '2026-2-3', '12026-01-01', '', '1969-12-31'])(
    'refuses the day %p',
    day => {
      expect(() => dayNumber(day)).toThrow(`Cannot read "${day}" as a day`);
    },
  );

  it('refuses to step past 9999-12-31 or before 1970', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(
      'outside 1970-01-01..9999-12-31',
    );
    expect(() => addDays('1970-01-01', -1)).toThrow(
      'outside 1970-01-01..9999-12-31',
    );
  });
});
