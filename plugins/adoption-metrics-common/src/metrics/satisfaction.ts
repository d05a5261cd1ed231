// The quarterly survey: 0-10 and one free-text question. Figures for fewer answers than the
// minimum are hidden, so a small team's answers cannot be told apart.
export const DEFAULT_MIN_RESPONSES = 5;

export type Satisfaction =
  | { hidden: true; responses: number; minResponses: number }
  | {
      hidden: false;
      responses: number;
      mean: number;
      /** Count of answers per score 0..10. */
      distribution: number[];
      /** Share of 9-10 minus share of 0-6, as a number from -100 to 100. */
      npsStyleScore: number;
    };

export function satisfaction(
  scores: number[],
  minResponses = DEFAULT_MIN_RESPONSES,
): Satisfaction {
  const valid = scores.filter(s => Number.isInteger(s) && s >= 0 && s <= 10);
  if (valid.length < minResponses) {
    return { hidden: true, responses: valid.length, minResponses };
  }
  const distribution = Array.from(
    { length: 11 },
    (_, score) => valid.filter(s => s === score).length,
  );
  const promoters = valid.filter(s => s >= 9).length;
  const detractors = valid.filter(s => s <= 6).length;
  return {
    hidden: false,
    responses: valid.length,
    mean: valid.reduce((sum, s) => sum + s, 0) / valid.length,
    distribution,
    npsStyleScore: Math.round(((promoters - detractors) / valid.length) * 100),
  };
}
