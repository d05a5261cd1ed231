// Every Paved route checks its query and body with zod at the edge; a bad value becomes an
// InputError (400) that names the field and what was wrong, so the caller knows what to send.
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** The issues of a failed parse, one sentence: `field: what is wrong; other: ...`. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${field}${issue.message}`;
    })
    .join('; ');
}

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what?: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const prefix = what ? `Invalid ${what}: ` : '';
    throw new InputError(`${prefix}${describeZodIssues(parsed.error)}`);
  }
  return parsed.data;
}
