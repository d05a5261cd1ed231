// The currency is an ISO 4217 code, checked twice: the shape (three capitals) catches "$" and
// "usd", and Intl's own list catches well-formed codes that do not exist ("XYZ"), which Intl would
// otherwise format without complaint.

const ISO_4217_SHAPE = /^[A-Z]{3}$/;

/** True for a code Intl knows as a currency, e.g. USD, EUR, KRW. */
export function isCurrencyCode(code: string): boolean {
  return (
    ISO_4217_SHAPE.test(code) &&
    Intl.supportedValuesOf('currency').includes(code)
  );
}

export const CURRENCY_HINT =
  'must be an ISO 4217 currency code in capitals, e.g. USD, EUR, GBP, KRW (not a symbol like $)';
