import { doraMetrics, DeployEvent } from './dora';

// Two weeks in UTC, Monday 2026-11-09 to Monday 2026-11-23.
const window = {
  from: '2026-11-09T00:00:00Z',
  to: '2026-11-23T00:00:00Z',
  timeZone: 'UTC',
};

const ok = (
  at: string,
  revision: string,
  commitTimes?: string[],
): DeployEvent => ({
  at,
  revision,
  outcome: 'succeeded',
  commitTimes,
});
const failed = (at: string, revision: string): DeployEvent => ({
  at,
  revision,
  outcome: 'failed',
});

describe('doraMetrics', () => {
  it('counts deploys, deploy days per week and lead time', () => {
    const m = doraMetrics(
      [
        ok('2026-11-09T10:00:00Z', 'a', ['2026-11-09T08:00:00Z']), // 2 h
        ok('2026-11-09T15:00:00Z', 'b', [
          '2026-11-09T11:00:00Z',
          '2026-11-09T09:00:00Z',
        ]), // 4 h, 6 h
        ok('2026-11-11T10:00:00Z', 'c', ['2026-11-10T10:00:00Z']), // 24 h
        ok('2026-11-17T10:00:00Z', 'd'),
      ],
      window,
    );
    expect(m.deploymentFrequency.deploys).toBe(4);
    expect(m.deploymentFrequency.perDay).toBe(4 / 14);
    // Week 1: 2 deploy days (9th, 11th); week 2: 1 (17th). Median of [2, 1] = 1.5.
    expect(m.deploymentFrequency.medianDeployDaysPerWeek).toBe(1.5);
    expect(m.deploymentFrequency.band).toBe('high');
    // Lead times 2, 4, 6, 24 hours: median 5.
    expect(m.leadTime).toEqual({ medianHours: 5, commits: 4, band: 'elite' });
    expect(m.changeFailureRate).toMatchObject({
      numerator: 0,
      denominator: 4,
      value: 0,
      band: 'elite',
    });
    expect(m.timeToRestore.medianHours).toBeUndefined();
  });

  it('counts a failed sync and the time to the next good deploy', () => {
    const m = doraMetrics(
      [
        ok('2026-11-10T10:00:00Z', 'a'),
        failed('2026-11-10T12:00:00Z', 'b'),
        ok('2026-11-10T12:30:00Z', 'b'),
        ok('2026-11-12T09:00:00Z', 'c'),
      ],
      window,
    );
    expect(m.changeFailureRate).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 0.25,
      band: 'low',
    });
    expect(m.timeToRestore).toEqual({
      medianHours: 0.5,
      restores: 1,
      band: 'elite',
    });
  });

  it('counts a rollback as a failure of the deploy it undid', () => {
    const m = doraMetrics(
      [
        ok('2026-11-10T10:00:00Z', 'a'),
        ok('2026-11-10T11:00:00Z', 'b'), // bad
        ok('2026-11-10T14:00:00Z', 'a'), // back to a: b was the failure
        ok('2026-11-11T10:00:00Z', 'c'),
      ],
      window,
    );
    expect(m.changeFailureRate).toMatchObject({ numerator: 1, denominator: 4 });
    // From b (11:00) to the rollback that restored service (14:00): 3 hours.
    expect(m.timeToRestore.medianHours).toBe(3);
    expect(m.timeToRestore.band).toBe('high');
  });

  it("buckets a deploy across midnight into the viewer's day", () => {
    const events = [
      ok('2026-11-15T23:30:00Z', 'a'),
      ok('2026-11-16T00:30:00Z', 'b'),
    ];
    // In UTC these are Sunday and Monday: two weeks with one deploy day each.
    expect(
      doraMetrics(events, window).deploymentFrequency.medianDeployDaysPerWeek,
    ).toBe(1);
    // In Seoul both are on Monday the 16th: the first week has none, the second one day.
    const seoul = doraMetrics(events, { ...window, timeZone: 'Asia/Seoul' });
    expect(seoul.deploymentFrequency.medianDeployDaysPerWeek).toBe(0.5);
  });

  it("restores a service's failure with its own next deploy, not another service's", () => {
    const m = doraMetrics(
      [
        { ...failed('2026-11-10T10:00:00Z', 'a2'), component: 'orders' },
        { ...ok('2026-11-10T11:00:00Z', 'b1'), component: 'cart' },
        { ...ok('2026-11-12T10:00:00Z', 'a3'), component: 'orders' },
      ],
      window,
    );
    // orders: failed on the 10th at 10:00, fixed on the 12th at 10:00 = 48 h (cart's deploy an
    // hour later is not the fix).
    expect(m.timeToRestore).toMatchObject({ medianHours: 48, restores: 1 });
    expect(m.changeFailureRate).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('finds a rollback only within the same service', () => {
    const m = doraMetrics(
      [
        { ...ok('2026-11-10T10:00:00Z', 'x'), component: 'orders' },
        { ...ok('2026-11-10T11:00:00Z', 'y'), component: 'cart' },
        { ...ok('2026-11-10T12:00:00Z', 'x'), component: 'cart' },
      ],
      window,
    );
    // cart going y -> x is not a rollback: cart never ran x before.
    expect(m.changeFailureRate).toMatchObject({ numerator: 0, denominator: 3 });
  });

  it('leaves out what happened outside the window', () => {
    const m = doraMetrics(
      [ok('2026-11-01T10:00:00Z', 'a'), ok('2026-11-10T10:00:00Z', 'b')],
      window,
    );
    expect(m.deploymentFrequency.deploys).toBe(1);
  });
});
