// Portal use in the viewer's time zone: an hour at 23:00 UTC is the next day in Berlin.
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { PeopleDirectory } from '../people/PeopleDirectory';
import { daysUpTo, localDays } from './localDays';
import { usageReport } from './usageReport';
import { UsageStore } from './UsageStore';

jest.setTimeout(60_000);

const directory = {
  eligible: async (owner?: string) => ({
    people: owner ? 4 : 10,
    source: 'test',
  }),
} as unknown as PeopleDirectory;
const checkout = 'group:default/checkout';
const docs = [{ pluginId: 'techdocs', action: 'navigate' }];

describe('usageReport', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function store() {
    const knex = await databases.init('SQLITE_3');
    const s = await UsageStore.create(
      mockServices.database.mock({ getClient: async () => knex }),
    );
    const seen = async (at: string, pseudonym: string, team?: string) =>
      s.record({ at: new Date(at), pseudonym, team, events: docs });
    await seen('2026-10-20T10:00:00Z', 'p4'); // before the 28 days
    await seen('2026-11-01T10:00:00Z', 'p3'); // in MAU, not WAU
    await seen('2026-11-20T10:00:00Z', 'p2');
    await seen('2026-11-23T23:10:00Z', 'p1', checkout); // Berlin: 24 Nov, 00:10
    await seen('2026-11-24T09:00:00Z', 'p1', checkout);
    await seen('2026-11-24T10:00:00Z', 'p2');
    return s;
  }

  it('counts daily active people per local day, WAU and MAU, against the eligible people', async () => {
    const report = await usageReport(
      { store: await store(), directory },
      {
        days: 7,
        timeZone: 'Europe/Berlin',
        now: new Date('2026-11-24T12:00:00Z'),
      },
    );
    expect(report.window).toEqual({
      from: '2026-11-18',
      to: '2026-11-24',
      timeZone: 'Europe/Berlin',
    });
    expect(
      report.daily.map(d => [d.day, d.active.numerator, d.newPeople]),
    ).toEqual([
      ['2026-11-18', 0, 0],
      ['2026-11-19', 0, 0],
      ['2026-11-20', 1, 1],
      ['2026-11-21', 0, 0],
      ['2026-11-22', 0, 0],
      ['2026-11-23', 0, 0],
      ['2026-11-24', 2, 1],
    ]);
    expect(report.daily[6].active).toEqual({
      numerator: 2,
      denominator: 10,
      value: 0.2,
    });
    expect(report.wau.numerator).toBe(2);
    expect(report.mau.numerator).toBe(3);
    expect(report.averageDau).toMatchObject({
      numerator: 0.4,
      denominator: 10,
    });
    expect(report.topPlugins).toEqual([{ pluginId: 'techdocs', events: 4 }]);
  });

  it('buckets in UTC when asked, and filters to a team', async () => {
    const s = await store();
    const now = new Date('2026-11-24T12:00:00Z');
    const utc = await usageReport(
      { store: s, directory },
      { days: 2, timeZone: 'UTC', now },
    );
    expect(utc.daily.map(d => d.active.numerator)).toEqual([1, 2]);
    const team = await usageReport(
      { store: s, directory },
      { days: 2, timeZone: 'UTC', owner: checkout, now },
    );
    expect(team.daily.map(d => d.active)).toEqual([
      { numerator: 1, denominator: 4, value: 0.25 },
      { numerator: 1, denominator: 4, value: 0.25 },
    ]);
    expect(team.mau.numerator).toBe(1);
  });

  it('lists the days of a window', () => {
    expect(daysUpTo('2026-03-01', 3)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });
});

describe('localDays', () => {
  const now = new Date('2026-11-24T23:30:00Z'); // Berlin: 25 Nov
  it('covers the last N days up to today in the zone', () => {
    expect(localDays({ days: 2, timeZone: 'Europe/Berlin', now })).toEqual([
      '2026-11-24',
      '2026-11-25',
    ]);
  });
  it('covers a quarter up to today, and a custom range', () => {
    const q = localDays({ quarter: '2026-Q4', timeZone: 'UTC', now });
    expect([q[0], q[q.length - 1], q.length]).toEqual([
      '2026-10-01',
      '2026-11-24',
      55,
    ]);
    expect(
      localDays({ from: '2026-09-29', to: '2026-10-01', timeZone: 'UTC', now }),
    ).toEqual(['2026-09-29', '2026-09-30', '2026-10-01']);
  });
  it.each([
    [{ from: '2026-09-01' }, /from and to go together/],
    [{ quarter: '2027-Q1' }, /no day in it up to today/],
    [{ from: '2024-01-01', to: '2026-01-01' }, /pick at most 366/],
  ])('refuses %j', (range, message) => {
    expect(() => localDays({ ...range, timeZone: 'UTC', now })).toThrow(
      message,
    );
  });
});
