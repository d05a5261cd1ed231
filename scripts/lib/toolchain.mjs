// Finds a Node.js that Backstage supports, downloading a pinned one from the npm registry when
// the system's is too old. Native modules need that Node's headers; the `node-<os>-<arch>`
// packages ship them in `include/node`, so node-gyp is pointed there instead of downloading.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, machineCacheDir } from './paths.mjs';
import { run } from './run.mjs';

const SUPPORTED_MAJORS = [22, 24];

function pinnedNodeVersion() {
  return fs.readFileSync(path.join(repoRoot, '.node-version'), 'utf8').trim();
}

function hasHeaders(nodeDir) {
  return fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'));
}

function nodePackageName() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[
    process.platform
  ];
  if (!os) {
    throw new Error(
      `no Node.js package for platform ${process.platform}; install Node 22 yourself and re-run`,
    );
  }
  return `node-${os}-${process.arch}`;
}

async function downloadNode(version) {
  const target = path.join(machineCacheDir, `node-v${version}`);
  const pkgDir = path.join(target, 'node_modules', nodePackageName());
  if (hasHeaders(pkgDir)) return pkgDir;

  console.log(
    `System Node ${process.versions.node} is older than Backstage supports; fetching Node ${version} from the npm registry...`,
  );
  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, [
    'install',
    '--prefix',
    tmp,
    '--no-save',
    '--no-package-lock',
    `${nodePackageName()}@${version}`,
  ]);
  // Rename into place only when complete, so an interrupted download is never reused.
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(tmp, target);
  return pkgDir;
}

/**
 * Returns the environment that every later step runs with: PATH starting with a supported
 * Node, and npm_config_nodedir pointing at its headers.
 */
export async function toolchainEnv() {
  const major = Number(process.versions.node.split('.')[0]);
  const systemDir = path.resolve(path.dirname(process.execPath), '..');
  const nodeDir =
    SUPPORTED_MAJORS.includes(major) && hasHeaders(systemDir)
      ? systemDir
      : await downloadNode(pinnedNodeVersion());
  const binDir =
    process.platform === 'win32' ? nodeDir : path.join(nodeDir, 'bin');
  return {
    ...process.env,
    PATH: [binDir, process.env.PATH].join(path.delimiter),
    npm_config_nodedir: nodeDir,
    // Backstage's CLI and Jest read these; set once so every step agrees.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot']
      .filter(Boolean)
      .join(' '),
  };
}
