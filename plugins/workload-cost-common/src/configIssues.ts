// One way to turn zod's issues into the sentences the platform team reads when the backend refuses
// to start: each names the full config key and says what to write there. All issues are listed at
// once, so fixing the sheet takes one restart, not one per typo.
import type { z } from 'zod';

/** "workloadCost.prices.cpu.per: must be one of ..." for every issue. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  path: string,
): string[] {
  return issues.map(
    issue => `${[path, ...issue.path.map(String)].join('.')}: ${issue.message}`,
  );
}

/** Parses with a schema or throws one Error listing every issue with its config key. */
export function parseConfig<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  path: string,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(
    `${what} at ${path} is invalid; fix it in app-config: ${describeIssues(
      parsed.error.issues,
      path,
    ).join('; ')}`,
  );
}

/** What a value was, for "got ..." in a message: strings quoted, objects as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
