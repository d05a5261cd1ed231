// `./paved check <name>`: runs scripts/commands/check-<name>.mjs alone, with what it needs
// (its default export takes the toolchain environment and starts its own services), so one
// check can be rerun without the whole of `./paved test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function checkNames() {
  return fs
    .readdirSync(here)
    .map(file => /^check-(.+)\.mjs$/.exec(file)?.[1])
    .filter(Boolean)
    .sort();
}

export async function runCheck(env, [name, ...args]) {
  const names = checkNames();
  if (!name || !names.includes(name)) {
    throw new Error(
      `${
        name ? `There is no check named "${name}"` : 'Name a check'
      }: ./paved check <name>, where <name> is one of ${names.join(', ')}.`,
    );
  }
  const module = await import(
    pathToFileURL(path.join(here, `check-${name}.mjs`)).href
  );
  if (typeof module.default !== 'function') {
    throw new Error(
      `scripts/commands/check-${name}.mjs has no default export to run.`,
    );
  }
  await module.default(env, args);
}
