// Money is summed at full precision and rounded only for display: rounding each pod's cost before
// adding would drift by up to half a cent per pod. Symbols and separators come from Intl, never
// from this code, so every configured currency reads the way its users expect.

/**
 * Rounds half away from zero (1.005 → 1.01, -1.005 → -1.01, 2.5 cents → 3 cents), the rule people
 * use by hand and the one Intl.NumberFormat applies by default. Not banker's rounding: a bill
 * rounds 0.125 to 0.13, not 0.12.
 *
 * The value is shifted through its decimal text ("1.005" → "1.005e2" = 100.5) rather than
 * multiplied (1.005 × 100 = 100.49999999999999), so values that print as an exact half round as
 * they read.
 */
export function roundMoney(amount: number, decimals = 2): number {
  if (!Number.isFinite(amount)) return amount;
  const magnitude = Math.abs(amount);
  const text = String(magnitude);
  const rounded = text.includes('e')
    ? Math.round(magnitude * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return amount < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The number of minor-unit digits a currency is shown with: 2 for USD and EUR, 0 for JPY and KRW. */
export function currencyDecimals(currency: string): number {
  return (
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
    }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount for display, e.g. formatMoney(1234.567, 'USD', 'en-US') is "$1,234.57" and
 * formatMoney(1234.567, 'EUR', 'de-DE') is "1.234,57 €" (with a non-breaking space, as Intl
 * writes it). Rounded half away from zero to the currency's own minor unit first, so the display
 * agrees with roundMoney.
 */
export function formatMoney(
  amount: number,
  currency: string,
  locale?: string,
): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
  }).format(roundMoney(amount, currencyDecimals(currency)));
}

/** A short form for chart axes and tight cards: "$1.2K", "$3.4M" (en-US); "1234 €" stays short in de-DE. */
export function formatMoneyCompact(
  amount: number,
  currency: string,
  locale?: string,
): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}
