// Owner and repository names become directory names under the data directory, so they are
// the first line of defence against path traversal. Express decodes `%2e%2e` and `%2f` in
// route params before we see them, so these checks run on the decoded value.
import { InputError } from '@backstage/errors';

const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Owners that would make the HTTP API ambiguous: `/repositories/...` is the JSON API.
 */
const RESERVED_OWNERS = new Set(['repositories']);

/** Which half of `<owner>/<name>` a value is, for error messages. */
export type RepositoryNamePart = 'owner' | 'name';

/**
 * Returns `value` when it is a valid repository owner or name, else throws an
 * `InputError` saying what is wrong with it.
 */
export function validateRepositoryNamePart(
  part: RepositoryNamePart,
  value: unknown,
): string {
  const label = part === 'owner' ? 'Repository owner' : 'Repository name';
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`${label} is required`);
  }
  const shown = JSON.stringify(value.slice(0, 120));
  if (/[/\\]/.test(value)) {
    throw new InputError(
      `${label} ${shown} must be a single path segment; '/' and '\\' are not allowed`,
    );
  }
  if (value.includes('..')) {
    throw new InputError(`${label} ${shown} must not contain '..'`);
  }
  if (part === 'name' && value.endsWith('.git')) {
    throw new InputError(
      `${label} ${shown} must not end with '.git'; the .git suffix belongs to the clone URL only`,
    );
  }
  if (!NAME_PATTERN.test(value)) {
    throw new InputError(
      `${label} ${shown} is invalid; use 1 to 100 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  if (part === 'owner' && RESERVED_OWNERS.has(value)) {
    throw new InputError(`${label} ${shown} is reserved; choose another owner`);
  }
  return value;
}

/** Validates both halves of `<owner>/<name>`. */
export function validateRepositoryName(
  owner: unknown,
  name: unknown,
): { owner: string; name: string } {
  return {
    owner: validateRepositoryNamePart('owner', owner),
    name: validateRepositoryNamePart('name', name),
  };
}
