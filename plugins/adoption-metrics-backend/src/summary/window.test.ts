import { resolveWindow } from './window';

const now = new Date('2026-11-23T12:00:00Z');

describe('resolveWindow', () => {
  it('takes the last N days, and the same length before for the previous period', () => {
    expect(resolveWindow({ days: 7, timeZone: 'UTC', now })).toMatchObject({
      from: '2026-11-16T12:00:00.000Z',
      to: '2026-11-23T12:00:00.000Z',
      previousFrom: '2026-11-09T12:00:00.000Z',
      days: 7,
    });
  });

  it('takes a quarter in the viewer’s zone, up to now', () => {
    const w = resolveWindow({
      quarter: '2026-Q4',
      timeZone: 'Europe/Berlin',
      now,
    });
    // 1 October starts at 22:00 UTC the day before in Berlin (summer time).
    expect(w.from).toBe('2026-09-30T22:00:00.000Z');
    expect(w.to).toBe('2026-11-23T12:00:00.000Z');
    expect(w.label).toBe('2026-Q4');
  });

  it('takes a custom range of local days, both included', () => {
    const w = resolveWindow({
      from: '2026-09-01',
      to: '2026-09-30',
      timeZone: 'UTC',
      now,
    });
    expect(w).toMatchObject({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
      previousFrom: '2026-08-02T00:00:00.000Z',
      days: 30,
    });
  });

  it('refuses a range that is empty, half given or too long, saying what to send', () => {
    expect(() =>
      resolveWindow({
        from: '2026-09-30',
        to: '2026-09-01',
        timeZone: 'UTC',
        now,
      }),
    ).toThrow(/pick a start before the end/);
    expect(() =>
      resolveWindow({ from: '2026-09-01', timeZone: 'UTC', now }),
    ).toThrow(/give both/);
    expect(() =>
      resolveWindow({
        from: '2024-01-01',
        to: '2026-01-01',
        timeZone: 'UTC',
        now,
      }),
    ).toThrow(/pick at most 366/);
    expect(() =>
      resolveWindow({ quarter: '2027-Q1', timeZone: 'UTC', now }),
    ).toThrow(/no time in it before now/);
  });
});
