// A small, deterministic YAML emitter for plain JSON-like data (objects, arrays, strings, numbers,
// booleans, null). Output style is what the repo's Prettier produces: two-space indent, list items
// indented under their key, strings single-quoted only when YAML would otherwise read them differently.
// Used to write generated CRDs; no npm dependency, so the output does not depend on which `yaml`
// version happens to be installed.

const RESERVED =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const NUMBERISH =
  /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

function needsQuotes(s) {
  if (s === '') return true;
  if (RESERVED.test(s) || NUMBERISH.test(s)) return true;
  if (/^\d{4}-\d\d-\d\d/.test(s)) return true; // would read as a timestamp
  if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(s) || /\s$/.test(s)) return true; // indicator or space first
  if (/: |:$| #|[\n\r\t]/.test(s)) return true;
  return false;
}

export function scalar(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (!needsQuotes(v)) return v;
    if (!v.includes("'") && !/[\n\r\t\\]/.test(v) && !/[^\x20-\x7e]/.test(v))
      return `'${v}'`;
    return JSON.stringify(v);
  }
  throw new Error(`cannot emit ${typeof v}`);
}

const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = v =>
  Array.isArray(v) ? v.length === 0 : isObj(v) && Object.keys(v).length === 0;

function emitNode(v, indent, out) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isObj(item) && !isEmpty(item)) {
        const sub = [];
        emitNode(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      } else if (Array.isArray(item) && item.length) {
        const sub = [];
        emitNode(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      } else {
        out.push(
          `${pad}- ${
            isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)
          }`,
        );
      }
    }
    return;
  }
  for (const [k, val] of Object.entries(v)) {
    const key = scalar(k);
    if (isEmpty(val))
      out.push(`${pad}${key}: ${Array.isArray(val) ? '[]' : '{}'}`);
    else if (Array.isArray(val)) {
      out.push(`${pad}${key}:`);
      emitNode(val, indent + 2, out); // list items indented under their key, as Prettier formats YAML
    } else if (isObj(val)) {
      out.push(`${pad}${key}:`);
      emitNode(val, indent + 2, out);
    } else out.push(`${pad}${key}: ${scalar(val)}`);
  }
}

/** One YAML document (no leading ---), ending with a newline. */
export function toYaml(value) {
  const out = [];
  emitNode(value, 0, out);
  return out.join('\n') + '\n';
}
