// The portal's own URLs for repositories and files, and how links inside a repository's
// Markdown are turned into them.
import { encodePath } from './GitHostClient';

/** `/git/<owner>/<name>`: what the golden path's "Repository" link opens. */
export const repositoryPagePath = (owner: string, name: string) =>
  `/git/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;

/** `/git/<owner>/<name>/files/<path>`: one file on the default branch. */
export const filePagePath = (owner: string, name: string, path: string) =>
  `${repositoryPagePath(owner, name)}/files/${encodePath(path)}`;

const SAFE_SCHEME = /^(https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The repository path a relative link in `fromFile` points at (`docs/index.md` from
 * `README.md`), or undefined when the link is not relative.
 */
export function resolveRelativeLink(
  fromFile: string,
  href: string,
): string | undefined {
  if (
    href === '' ||
    ANY_SCHEME.test(href) ||
    href.startsWith('/') ||
    href.startsWith('#')
  ) {
    return undefined;
  }
  const segments = fromFile.split('/').slice(0, -1);
  for (const segment of href.split(/[?#]/)[0].split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      segments.pop();
      continue;
    }
    try {
      segments.push(decodeURIComponent(segment));
    } catch {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

/**
 * A `transformLinkUri` for `MarkdownContent` showing `fromFile`: relative links to files go
 * to the portal's file page, other relative links (folders) to the repository page. Passing
 * `transformLinkUri` replaces react-markdown's own guard, so only http(s), mailto, absolute
 * paths and anchors pass through; anything else (javascript:, data:) becomes `#`.
 */
export function markdownLinkTransformer(options: {
  owner: string;
  name: string;
  fromFile: string;
  files: string[];
}): (href: string) => string {
  const { owner, name, fromFile, files } = options;
  const known = new Set(files);
  return href => {
    const target = resolveRelativeLink(fromFile, href);
    if (target === undefined) {
      if (ANY_SCHEME.test(href)) return SAFE_SCHEME.test(href) ? href : '#';
      return href;
    }
    return known.has(target)
      ? filePagePath(owner, name, target)
      : repositoryPagePath(owner, name);
  };
}
