// Kubernetes resource quantities ("500m", "1Gi", "129M", "1e9") read the way the API server reads
// them (k8s.io/apimachinery/pkg/api/resource): a signed decimal number followed by at most one
// suffix. Costs are computed from these, so a misread suffix would be a silent 1000× error; an
// unknown form throws instead of guessing.

/** Binary suffixes: powers of 1024 (Ki = 2^10 ... Ei = 2^60). */
const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

/** Decimal suffixes as powers of ten. Kilo is a lowercase k only: "1K" is invalid in Kubernetes. */
const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// A number with an optional fraction ("5", "5.", ".5", "0.5"), then a suffix. The exponent form
// ("1e9", "1E-3") is tried before the suffixes, so a bare "E" still means exa.
const QUANTITY =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

const ACCEPTED_FORMS =
  'a number with an optional suffix: decimal n, u, m, k, M, G, T, P, E (e.g. 500m, 250000n, 129M), ' +
  'binary Ki, Mi, Gi, Ti, Pi, Ei (e.g. 512Mi, 1Gi) or an exponent (e.g. 1e9)';

/** A quantity as Kubernetes objects carry it: a string, or a number where YAML gave one. */
export type Quantity = string | number;

/**
 * The value of a quantity in its base unit (cores for CPU, bytes for memory and storage).
 *
 * Decimal forms are converted by building the decimal string "<number>e<exponent>" and letting
 * `Number` read it: that gives the double nearest to the exact value, so "1500u" is exactly 0.0015
 * and not 0.0015000000000000002 as 1500 × 1e-6 would be. Binary suffixes multiply by a power of
 * two, which is exact.
 */
export function parseQuantity(value: Quantity): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new Error(
      `Cannot read ${value} as a Kubernetes quantity: write ${ACCEPTED_FORMS}`,
    );
  }
  const match = QUANTITY.exec(value);
  if (!match) {
    throw new Error(
      `Cannot read ${JSON.stringify(
        value,
      )} as a Kubernetes quantity: write ${ACCEPTED_FORMS}`,
    );
  }
  const [, number, exponentSuffix, suffix = ''] = match;
  if (suffix in BINARY_SUFFIXES) {
    return Number(number) * 2 ** BINARY_SUFFIXES[suffix];
  }
  const exponent = exponentSuffix
    ? Number(exponentSuffix.slice(1))
    : DECIMAL_SUFFIXES[suffix];
  return Number(`${number}e${exponent}`);
}

/** CPU cores of a quantity: "500m" is 0.5, "2" is 2, "250000n" is 0.00025. */
export function parseCpuCores(value: Quantity): number {
  return parseQuantity(value);
}

/**
 * Bytes of a memory or storage quantity: "1Gi" is 1073741824, "1G" is 1000000000. Kubernetes also
 * accepts "129m" here (0.129 bytes, almost always a typo for 129Mi); it is read as Kubernetes
 * reads it, since that is what the scheduler reserved.
 */
export function parseBytes(value: Quantity): number {
  return parseQuantity(value);
}

/** Bytes in a GiB: memory and storage are priced per GiB (2^30 bytes), as OpenCost does. */
export const BYTES_PER_GIB = 2 ** 30;

/** Bytes in a GB (10^9): managed storage is sold per GB. */
export const BYTES_PER_GB = 1e9;
