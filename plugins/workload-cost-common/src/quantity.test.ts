import { parseBytes, parseCpuCores, parseQuantity } from './quantity';

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['0.5', 0.5],
    ['1500u', 0.0015],
    ['250000n', 0.00025],
    ['100m', 0.1],
    ['.5', 0.5],
    ['1.', 1],
  ])('reads CPU %s as %d cores', (value, cores) => {
    expect(parseCpuCores(value)).toBe(cores);
  });

  it.each([
    ['1Gi', 1073741824],
    ['512Mi', 536870912],
    ['1G', 1000000000],
    ['1e9', 1000000000],
    ['1E3', 1000],
    ['128974848', 128974848],
    ['129M', 129000000],
    ['1Ki', 1024],
    ['1k', 1000],
    ['1Ti', 1099511627776],
    ['1Pi', 1125899906842624],
    ['1.5Gi', 1610612736],
    ['2E', 2000000000000000000],
    ['129m', 0.129], // valid for Kubernetes: 0.129 bytes, usually a typo for 129Mi
  ])('reads memory %s as %d bytes', (value, bytes) => {
    expect(parseBytes(value)).toBe(bytes);
  });

  it('takes numbers as they are, as YAML may give them', () => {
    expect(parseQuantity(2)).toBe(2);
  });

  it.each(['1K', '1 Gi', 'Gi', '1GB', '1gi', '', '1.2.3', '1e', 'five'])(
    'refuses %j and says what it accepts',
    value => {
      expect(() => parseQuantity(value)).toThrow(
        `Cannot read "${value}" as a Kubernetes quantity: write a number with an optional suffix`,
      );
    },
  );

  it('lists the accepted forms in the error', () => {
    expect(() => parseQuantity('1GB')).toThrow(/512Mi, 1Gi.*1e9/);
  });
});
