// Refs and file paths come from URLs and end up as git arguments. The rules below keep them
// from ever reading as a git option (leading '-'), a revision expression ('..', '^', '~',
// ':', '@{') or a path outside the tree ('..' segments, absolute paths).
import { InputError } from '@backstage/errors';

const REF_PATTERN = /^[A-Za-z0-9._/-]+$/;
const MAX_REF_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

/** Returns `ref` when it is safe to hand to git, else throws an `InputError`. */
export function validateRef(ref: unknown): string {
  if (typeof ref !== 'string' || ref === '') {
    throw new InputError('Ref is required');
  }
  const shown = JSON.stringify(ref.slice(0, 120));
  if (ref.length > MAX_REF_LENGTH) {
    throw new InputError(
      `Ref ${shown}... is longer than ${MAX_REF_LENGTH} characters`,
    );
  }
  if (ref.startsWith('-')) {
    throw new InputError(`Ref ${shown} must not start with '-'`);
  }
  if (ref.includes('..')) {
    throw new InputError(`Ref ${shown} must not contain '..'`);
  }
  if (!REF_PATTERN.test(ref)) {
    throw new InputError(
      `Ref ${shown} is invalid; use letters, digits, '.', '_', '/' and '-' only`,
    );
  }
  if (ref.startsWith('/') || ref.endsWith('/') || ref.includes('//')) {
    throw new InputError(
      `Ref ${shown} must not start or end with '/' or contain '//'`,
    );
  }
  return ref;
}

/**
 * Returns `filePath` when it is a safe path inside a repository's tree, else throws an
 * `InputError`. An empty path (the root of the tree) is only accepted with `allowEmpty`.
 */
export function validateFilePath(
  filePath: unknown,
  options: { allowEmpty?: boolean } = {},
): string {
  if (typeof filePath !== 'string') {
    throw new InputError('File path is required');
  }
  if (filePath === '') {
    if (options.allowEmpty) {
      return filePath;
    }
    throw new InputError('File path is required');
  }
  const shown = JSON.stringify(filePath.slice(0, 200));
  if (filePath.length > MAX_PATH_LENGTH) {
    throw new InputError(
      `File path ${shown}... is longer than ${MAX_PATH_LENGTH} characters`,
    );
  }
  if (filePath.startsWith('/')) {
    throw new InputError(
      `File path ${shown} must be relative to the repository root`,
    );
  }
  // Control characters would break git's line-based stdin protocols (cat-file --batch).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(filePath)) {
    throw new InputError(`File path ${shown} contains control characters`);
  }
  if (filePath.includes('\\')) {
    throw new InputError(
      `File path ${shown} must use '/' as separator, not '\\'`,
    );
  }
  const segments = filePath.split('/');
  if (segments.includes('..')) {
    throw new InputError(`File path ${shown} must not contain '..' segments`);
  }
  if (segments.some(segment => segment === '' || segment === '.')) {
    throw new InputError(
      `File path ${shown} must not contain empty or '.' segments`,
    );
  }
  // git would read such a segment as an option wherever a path follows other arguments.
  const optionLike = segments.find(segment => segment.startsWith('-'));
  if (optionLike !== undefined) {
    throw new InputError(
      `File path ${shown} has the segment ${JSON.stringify(
        optionLike.slice(0, 120),
      )}, which starts with '-'; no path segment may start with '-'`,
    );
  }
  return filePath;
}

/** One way to split `<ref>/<path>` where both the ref and the path contain slashes. */
export interface RefAndPathCandidate {
  ref: string;
  path: string;
}

/**
 * Splits the `<ref>/<path>` tail of a raw or archive URL into every possible
 * (ref, path) pair, shortest ref first. Branch names may contain '/', so which split is
 * meant can only be decided by asking the repository which refs exist.
 *
 * Throws an `InputError` when the tail is not a safe path or no split yields a valid ref.
 */
export function refAndPathCandidates(
  tail: unknown,
  options: { pathRequired: boolean },
): RefAndPathCandidate[] {
  const safeTail = validateFilePath(tail, { allowEmpty: false });
  const segments = safeTail.split('/');
  const candidates: RefAndPathCandidate[] = [];
  const maxRefSegments = options.pathRequired
    ? segments.length - 1
    : segments.length;
  for (let count = 1; count <= maxRefSegments; count++) {
    const ref = segments.slice(0, count).join('/');
    if (isValidRef(ref)) {
      candidates.push({ ref, path: segments.slice(count).join('/') });
    }
  }
  if (candidates.length === 0) {
    if (options.pathRequired && segments.length < 2) {
      throw new InputError(
        `Expected <ref>/<path> in the URL, got ${JSON.stringify(safeTail)}`,
      );
    }
    // Re-run the first segment through validateRef for its specific message.
    validateRef(segments[0]);
    throw new InputError(
      `No valid ref in ${JSON.stringify(safeTail.slice(0, 200))}`,
    );
  }
  return candidates;
}

function isValidRef(ref: string): boolean {
  try {
    validateRef(ref);
    return true;
  } catch {
    return false;
  }
}
