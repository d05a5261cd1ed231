// Debian packages the tests need (Chromium for the browser tests, PostgreSQL for the
// production database check). Installed with apt-get when missing and we may do so.
import fs from 'node:fs';
import path from 'node:path';
import { capture, run } from './run.mjs';

/** Returns the absolute path of an executable on PATH or in the extra directories. */
export function findExecutable(name, extraDirs = []) {
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    ...extraDirs,
  ];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Directories where Debian puts PostgreSQL's server binaries (newest first). */
export function postgresBinDirs() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map(version => path.join(root, version, 'bin'));
}

async function aptGet(packages) {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !(await capture('sudo', ['-n', 'true']))) {
    throw new Error(
      `Debian packages ${packages.join(
        ', ',
      )} are missing and this user cannot install them. ` +
        `Run: sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...rest] = [...prefix, 'apt-get'];
  await run(cmd, [...rest, 'update', '-qq'], { env });
  await run(cmd, [...rest, 'install', '-y', '-qq', ...packages], { env });
}

/** Makes sure an executable exists, installing its Debian package when it does not. */
export async function ensureDebianPackage(
  executable,
  pkg,
  extraDirs = () => [],
) {
  const found = findExecutable(executable, extraDirs());
  if (found) return found;
  if (!findExecutable('apt-get')) {
    throw new Error(
      `${executable} is missing: install ${pkg} with your package manager`,
    );
  }
  console.log(`${executable} is missing; installing Debian package ${pkg}...`);
  await aptGet([pkg]);
  const installed = findExecutable(executable, extraDirs());
  if (!installed)
    throw new Error(`installed ${pkg} but ${executable} is still not found`);
  return installed;
}
