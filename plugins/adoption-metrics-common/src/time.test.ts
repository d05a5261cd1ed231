import {
  localDay,
  nextDay,
  quarterDays,
  quarterOf,
  startOfLocalDay,
  weekOf,
} from './time';

describe('time', () => {
  it('starts a local day at the zone’s midnight, in UTC', () => {
    expect(startOfLocalDay('2026-11-23', 'UTC')).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    // Berlin is UTC+1 in November, UTC+2 in July.
    expect(startOfLocalDay('2026-11-23', 'Europe/Berlin')).toBe(
      '2026-11-22T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-07-01', 'Europe/Berlin')).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    // Seoul is UTC+9; New York UTC-5 in winter.
    expect(startOfLocalDay('2026-11-23', 'Asia/Seoul')).toBe(
      '2026-11-22T15:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-23', 'America/New_York')).toBe(
      '2026-11-23T05:00:00.000Z',
    );
    // The day the clocks go forward in Berlin still starts at 00:00 local (UTC+1).
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });

  it('buckets an instant by the viewer’s day and week', () => {
    expect(localDay('2026-11-22T23:30:00Z', 'Asia/Seoul')).toBe('2026-11-23');
    expect(localDay('2026-11-22T23:30:00Z', 'UTC')).toBe('2026-11-22');
    expect(weekOf('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to Monday's week
    // Half- and quarter-hour zones: India is UTC+5:30, Nepal UTC+5:45.
    expect(localDay('2026-11-22T18:29:00Z', 'Asia/Kolkata')).toBe('2026-11-22');
    expect(localDay('2026-11-22T18:31:00Z', 'Asia/Kolkata')).toBe('2026-11-23');
    expect(localDay('2026-11-22T18:14:00Z', 'Asia/Kathmandu')).toBe(
      '2026-11-22',
    );
    expect(localDay('2026-11-22T18:16:00Z', 'Asia/Kathmandu')).toBe(
      '2026-11-23',
    );
    // Berlin's clocks go back at 01:00 UTC on 25 Oct 2026: 22:30 UTC is the next day before
    // (UTC+2) and the same day after (UTC+1).
    expect(localDay('2026-10-24T22:30:00Z', 'Europe/Berlin')).toBe(
      '2026-10-25',
    );
    expect(localDay('2026-10-25T22:30:00Z', 'Europe/Berlin')).toBe(
      '2026-10-25',
    );
  });

  it('knows quarters and the next day', () => {
    expect(quarterDays('2026-Q4')).toEqual({
      first: '2026-10-01',
      last: '2026-12-31',
    });
    expect(quarterDays('2028-Q1')).toEqual({
      first: '2028-01-01',
      last: '2028-03-31',
    });
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(() => quarterDays('2026-Q5')).toThrow(/write e.g. 2026-Q4/);
  });
});
