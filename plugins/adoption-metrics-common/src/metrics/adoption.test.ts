import { goldenPathAdoption, selfServiceRate } from './adoption';
import { satisfaction } from './satisfaction';
import { timeToProduction } from './timeToProduction';
import { dailyActiveUsers } from './portalUsage';

const service = (
  annotations: Record<string, string> = {},
  extra: object = {},
) => ({
  kind: 'Component',
  metadata: { annotations },
  spec: { type: 'service', ...extra },
});

describe('goldenPathAdoption', () => {
  it('counts services from a recommended template, by annotation or scaffoldedFrom', () => {
    const result = goldenPathAdoption(
      [
        service({
          'backstage.io/source-template': 'template:default/new-microservice',
        }),
        service({}, { scaffoldedFrom: 'template:default/new-microservice' }),
        service({
          'backstage.io/source-template': 'template:default/old-thing',
        }),
        service(),
        { kind: 'Component', metadata: {}, spec: { type: 'website' } },
        { kind: 'API', metadata: {}, spec: { type: 'openapi' } },
      ],
      ['template:default/new-microservice'],
    );
    expect(result).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('has no value without services', () => {
    expect(goldenPathAdoption([], ['x']).value).toBeUndefined();
  });
});

describe('selfServiceRate', () => {
  it('counts claims a golden-path task made', () => {
    expect(
      selfServiceRate([
        { metadata: { annotations: { 'paved.dev/scaffolder-task': 't1' } } },
        { metadata: { annotations: { 'paved.dev/scaffolder-task': 't2' } } },
        { metadata: {} },
      ]),
    ).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });
});

describe('satisfaction', () => {
  it('hides a team with too few answers', () => {
    expect(satisfaction([9, 10, 3, 8])).toEqual({
      hidden: true,
      responses: 4,
      minResponses: 5,
    });
  });

  it('gives mean, distribution and an NPS-style score', () => {
    const s = satisfaction([10, 9, 8, 7, 6, 3]);
    expect(s).toMatchObject({ hidden: false, responses: 6, mean: 43 / 6 });
    // Promoters 2 of 6, detractors 2 of 6: 0.
    expect(s.hidden === false && s.npsStyleScore).toBe(0);
    expect(s.hidden === false && s.distribution).toEqual([
      0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1,
    ]);
  });
});

describe('timeToProduction', () => {
  it('gives median and p90 over the runs that reached production, and time saved', () => {
    const runs = [
      {
        taskCreatedAt: '2026-11-01T10:00:00Z',
        firstProductionDeployAt: '2026-11-01T12:00:00Z',
      }, // 2 h
      {
        taskCreatedAt: '2026-11-02T10:00:00Z',
        firstProductionDeployAt: '2026-11-02T14:00:00Z',
      }, // 4 h
      {
        taskCreatedAt: '2026-11-03T10:00:00Z',
        firstProductionDeployAt: '2026-11-04T10:00:00Z',
      }, // 24 h
      { taskCreatedAt: '2026-11-04T10:00:00Z' },
    ];
    expect(timeToProduction(runs, { hoursSavedPerRun: 36 })).toEqual({
      runs: 4,
      reachedProduction: 3,
      medianHours: 4,
      p90Hours: 24,
      hoursSaved: 144,
    });
  });
});

describe('dailyActiveUsers', () => {
  it('counts distinct people per local day against the eligible population', () => {
    const days = dailyActiveUsers(
      [
        { person: 'p1', at: '2026-11-10T09:00:00Z' },
        { person: 'p1', at: '2026-11-10T17:00:00Z' }, // 02:00 on the 11th in Seoul
        { person: 'p2', at: '2026-11-10T23:30:00Z' }, // the 11th in Seoul
        { person: 'p2', at: '2026-11-11T08:00:00Z' },
      ],
      { timeZone: 'Asia/Seoul', eligible: 20 },
    );
    expect(days).toEqual([
      {
        day: '2026-11-10',
        active: { numerator: 1, denominator: 20, value: 0.05 },
        newPeople: 1,
      },
      {
        day: '2026-11-11',
        active: { numerator: 2, denominator: 20, value: 0.1 },
        newPeople: 1,
      },
    ]);
  });
});
