// Reads packages/backend/Dockerfile and the build context's .dockerignore into plain data, so
// the production-build check repeats the image's own steps instead of a copy of them that
// could drift (scripts/lib/productionBuild.mjs interprets the instructions).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

export const dockerfilePath = path.join(
  repoRoot,
  'packages/backend/Dockerfile',
);
export const dockerignorePath = path.join(repoRoot, '.dockerignore');

/** Splits shell-form arguments on whitespace (the Dockerfile uses no quoting in them). */
function words(text) {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * One entry per instruction: { keyword, flags: { name: value }, args (string), line }.
 * Comments and blank lines are dropped; `\` continues a line (a comment inside a continued
 * instruction is dropped, as Docker does).
 */
export function parseDockerfile(text) {
  const instructions = [];
  let pending;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*#/.test(line) || (!pending && line.trim() === '')) return;
    const continued = /\\\s*$/.test(line);
    const body = line.replace(/\\\s*$/, '');
    if (pending) pending.text += ` ${body.trim()}`;
    else pending = { text: body.trim(), line: index + 1 };
    if (continued) return;
    const match = /^(\w+)\s+(.*)$/s.exec(pending.text);
    if (!match)
      throw new Error(
        `Dockerfile line ${pending.line}: cannot read "${pending.text}"`,
      );
    let rest = match[2].trim();
    const flags = {};
    for (;;) {
      const flag = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest);
      if (!flag) break;
      flags[flag[1]] = flag[2] ?? true;
      rest = rest.slice(flag[0].length);
    }
    instructions.push({
      keyword: match[1].toUpperCase(),
      flags,
      args: rest,
      line: pending.line,
    });
    pending = undefined;
  });
  if (pending)
    throw new Error(
      `Dockerfile line ${pending.line}: the last instruction ends with a line continuation`,
    );
  return instructions;
}

/** CMD/ENTRYPOINT in exec (JSON array) form; the shell form is refused (no signal forwarding). */
export function execForm(instruction) {
  let value;
  try {
    value = JSON.parse(instruction.args);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new Error(
      `Dockerfile line ${instruction.line}: ${instruction.keyword} must be a JSON array (exec form), so the process gets SIGTERM itself`,
    );
  }
  return value;
}

/** COPY sources and destination: the last word is the destination. */
export function copyArguments(instruction) {
  const parts = words(instruction.args);
  if (parts.length < 2)
    throw new Error(
      `Dockerfile line ${instruction.line}: COPY needs a source and a destination`,
    );
  return { sources: parts.slice(0, -1), destination: parts.at(-1) };
}

/** `NAME=value` pairs of ENV and ARG (the only form this Dockerfile uses). */
export function assignments(instruction) {
  return Object.fromEntries(
    words(instruction.args).map(pair => {
      const at = pair.indexOf('=');
      if (at <= 0)
        throw new Error(
          `Dockerfile line ${instruction.line}: write ${instruction.keyword} as NAME=value`,
        );
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * The paths the .dockerignore lets into the build context. It must be an allow list (`*`, then
 * `!path` lines), so nothing reaches the image by accident; returns the `!` paths.
 */
export function dockerignoreAllowList(text) {
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
  if (lines[0] !== '*') {
    throw new Error(
      '.dockerignore must start with "*" and then list what the image may see with "!path" lines',
    );
  }
  return lines.slice(1).map(l => {
    if (!l.startsWith('!'))
      throw new Error(
        `.dockerignore: "${l}" is not an allow-list entry ("!path")`,
      );
    return l.slice(1).replace(/\/+$/, '');
  });
}

export function readDockerfile() {
  return {
    instructions: parseDockerfile(fs.readFileSync(dockerfilePath, 'utf8')),
    allowed: dockerignoreAllowList(fs.readFileSync(dockerignorePath, 'utf8')),
  };
}
