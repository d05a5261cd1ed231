/**
 * A rate that says where it comes from: managers see the numerator and denominator next to the
 * value, never a bare percentage.
 */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or undefined when there is nothing to divide by. */
  value: number | undefined;
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    value: denominator > 0 ? numerator / denominator : undefined,
  };
}
