import { parseLabelSelector } from './labelSelector';

const labelsOf = (labels: Record<string, string>) => (key: string) =>
  labels[key];

describe('parseLabelSelector', () => {
  it.each([
    ['app=orders', { app: 'orders' }, true],
    ['app==orders', { app: 'cart' }, false],
    ['app=orders,tier in (web, api)', { app: 'orders', tier: 'api' }, true],
    ['app=orders,tier in (web,api)', { app: 'orders', tier: 'db' }, false],
    ['tier notin (db)', {}, true],
    ['app!=orders', {}, true],
    ['app.kubernetes.io/name', { 'app.kubernetes.io/name': 'x' }, true],
    ['!canary', { canary: 'true' }, false],
    ['app=', { app: '' }, true],
  ])('%s on %j is %p', (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(labelsOf(labels))).toBe(expected);
  });

  it('refuses what Kubernetes would refuse, and the empty selector', () => {
    expect(() => parseLabelSelector('app=orders,tier ~ web')).toThrow(
      /cannot read "tier ~ web": write key=value/,
    );
    expect(() => parseLabelSelector(' ')).toThrow(/is empty/);
  });
});
