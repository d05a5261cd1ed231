// Kubernetes label selectors as `backstage.io/kubernetes-label-selector` holds them
// ("app=orders,tier in (web,api),!canary"), matched here rather than by the API server: one list
// of the cluster's pods serves every component, instead of one request per component.

/** Reads a label by key; undefined when the object has no such label. */
export type LabelLookup = (key: string) => string | undefined;

export type LabelSelector = (labels: LabelLookup) => boolean;

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const EXISTS = new RegExp(`^(${KEY})$`);
const NOT_EXISTS = new RegExp(String.raw`^!\s*(${KEY})$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);

/** Splits at the commas that separate requirements, not those inside "in (a,b)". */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts;
}

function requirement(text: string): LabelSelector {
  let match = NOT_EXISTS.exec(text);
  if (match) {
    const key = match[1];
    return labels => labels(key) === undefined;
  }
  match = EXISTS.exec(text);
  if (match) {
    const key = match[1];
    return labels => labels(key) !== undefined;
  }
  match = EQUALITY.exec(text);
  if (match) {
    const [key, operator, value] = [match[1], match[3], match[4]];
    return operator === '!='
      ? labels => labels(key) !== value
      : labels => labels(key) === value;
  }
  match = SET.exec(text);
  if (match) {
    const [key, operator] = [match[1], match[3]];
    const values = new Set(match[4].split(',').map(v => v.trim()));
    return operator === 'in'
      ? labels => values.has(labels(key) ?? '\u0000')
      : labels => !values.has(labels(key) ?? '\u0000');
  }
  throw new Error(
    `cannot read ${JSON.stringify(
      text,
    )}: write key=value, key!=value, key in (a,b), key notin (a,b), key or !key, separated by commas`,
  );
}

/** Parses a selector; throws saying which requirement is wrong (or that it is empty). */
export function parseLabelSelector(selector: string): LabelSelector {
  const parts = requirements(selector);
  if (parts.every(part => part === '')) {
    // An empty selector selects everything in Kubernetes: as a cost rule that would put every
    // pod of the cluster on one service, so it is refused.
    throw new Error('is empty; write e.g. app=orders-api');
  }
  const checks = parts.map(requirement);
  return labels => checks.every(check => check(labels));
}
