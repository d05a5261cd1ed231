// Runs the project's vendored Yarn release (`yarnPath` in .yarnrc.yml) with the chosen Node,
// so no global Yarn or Corepack download is needed, and installs dependencies only when the
// lockfile, a manifest or the Node version changed since the last successful install.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { run, step } from './run.mjs';

function vendoredYarn() {
  const rc = fs.readFileSync(path.join(repoRoot, '.yarnrc.yml'), 'utf8');
  const match = rc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match)
    throw new Error(
      '.yarnrc.yml has no yarnPath; the vendored Yarn is missing',
    );
  return path.join(repoRoot, match[1]);
}

/** Runs `yarn <args>` in the repository root with the given environment. */
export function yarn(args, env, options = {}) {
  return run('node', [vendoredYarn(), ...args], {
    cwd: repoRoot,
    env,
    ...options,
  });
}

function manifests() {
  const files = ['package.json', 'yarn.lock', '.yarnrc.yml', '.node-version'];
  for (const dir of ['packages', 'plugins']) {
    const root = path.join(repoRoot, dir);
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const manifest = path.join(dir, name, 'package.json');
      if (fs.existsSync(path.join(repoRoot, manifest))) files.push(manifest);
    }
  }
  return files;
}

function installFingerprint(env) {
  const hash = crypto.createHash('sha256');
  for (const file of manifests()) {
    hash.update(file).update(fs.readFileSync(path.join(repoRoot, file)));
  }
  hash.update(env.npm_config_nodedir ?? '');
  return hash.digest('hex');
}

const stampFile = path.join(repoRoot, 'node_modules', '.paved-install-stamp');

/** `yarn install --immutable`, skipped when nothing it depends on changed. */
export async function ensureDependencies(env) {
  const fingerprint = installFingerprint(env);
  if (
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === fingerprint
  ) {
    console.log('Dependencies are up to date (skipping yarn install).');
    return;
  }
  await step(
    'Installing dependencies (yarn install; the first run takes a few minutes)',
    () => yarn(['install', '--immutable'], env),
  );
  fs.writeFileSync(stampFile, fingerprint);
}
