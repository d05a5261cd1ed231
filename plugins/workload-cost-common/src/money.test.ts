import { formatMoney, formatMoneyCompact, roundMoney } from './money';

/** Intl separates amount and symbol with a non-breaking space (U+00A0) in many locales. */
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('rounding money', () => {
  it.each([
    [1.005, 1.01],
    [-1.005, -1.01],
    [0.125, 0.13],
    [2.675, 2.68],
    [1234.565, 1234.57],
    [1.004, 1],
    [-0.004, 0],
    [14.631025, 14.63],
    [1e-7, 0],
  ])('rounds %d half away from zero to %d', (amount, rounded) => {
    expect(roundMoney(amount)).toBe(rounded);
  });

  it('rounds to other precisions', () => {
    expect(roundMoney(1234.5, 0)).toBe(1235);
    expect(roundMoney(0.0316164, 4)).toBe(0.0316);
  });

  it('keeps full precision in sums; rounding is for display', () => {
    // 1000 × 0.001 = 1, where rounding each to cents first gives 0
    const sum = Array(1000)
      .fill(0.001)
      .reduce((a, b) => a + b, 0);
    expect(roundMoney(sum)).toBe(1);
  });
});

describe('formatting money', () => {
  it('formats dollars in en-US', () => {
    expect(formatMoney(1234.567, 'USD', 'en-US')).toBe('$1,234.57');
  });

  it('formats euros in de-DE', () => {
    expect(normalise(formatMoney(1234.567, 'EUR', 'de-DE'))).toBe('1.234,57 €');
  });

  it("rounds to the currency's own minor unit", () => {
    expect(formatMoney(1234.5, 'JPY', 'en-US')).toBe('¥1,235');
    expect(formatMoney(1.005, 'USD', 'en-US')).toBe('$1.01');
  });

  it('has a compact form for charts', () => {
    expect(formatMoneyCompact(1234567, 'USD', 'en-US')).toBe('$1.2M');
    expect(formatMoneyCompact(1500, 'USD', 'en-US')).toBe('$1.5K');
  });
});
