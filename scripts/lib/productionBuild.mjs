// The production image without a container engine: builds the backend bundle as the Dockerfile's
// host steps say, then repeats packages/backend/Dockerfile instruction by instruction in an empty
// folder (.paved/production-build/app standing for the image's WORKDIR): the same COPY sources
// (refused when .dockerignore keeps them out of the build context), the same RUN commands as
// argument arrays, the ENV, and ENTRYPOINT + CMD to start it. An instruction or a RUN command this
// file cannot repeat fails the build, so the Dockerfile and this check cannot drift apart silently.
// What it does not repeat: FROM's base image (the host's Node must be the version it names) and
// USER (the backend runs as the user running the check; the chart sets runAsNonRoot).
import fs from 'node:fs';
import path from 'node:path';
import { startBackendFromSource, startBackendProcess } from './backend.mjs';
import {
  assignments,
  copyArguments,
  execForm,
  readDockerfile,
} from './dockerfile.mjs';
import { repoRoot, stateDir } from './paths.mjs';
import { run, step } from './run.mjs';
import { ensureDebianPackage } from './system-packages.mjs';
import { yarn } from './yarn.mjs';

const buildRoot = path.join(stateDir, 'production-build');

/** The executable that shows a Debian package of the image is on the host. */
const PACKAGE_EXECUTABLES = {
  git: 'git',
  tini: 'tini',
  'ca-certificates': 'update-ca-certificates',
};

function words(text) {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** `${NAME}` and `$NAME` from ARG/ENV values, as Docker substitutes them. */
function substitute(text, vars) {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a, b) =>
    vars[a ?? b] !== undefined ? vars[a ?? b] : whole,
  );
}

function inside(dir, relative, line) {
  const target = path.resolve(dir, relative);
  if (target !== dir && !target.startsWith(`${dir}${path.sep}`))
    throw new Error(
      `Dockerfile line ${line}: ${relative} is outside the image's WORKDIR`,
    );
  return target;
}

/** Repeats one command of a RUN line (the parts between `&&`) as an argument array. */
async function repeatCommand(argv, { dir, env, line }) {
  const [command, ...args] = argv;
  const where = `Dockerfile line ${line}: ${argv.join(' ')}`;
  if (command === 'apt-get' && args[0] === 'update') return;
  if (command === 'apt-get' && args[0] === 'install') {
    for (const pkg of args.slice(1).filter(a => !a.startsWith('-'))) {
      const executable = PACKAGE_EXECUTABLES[pkg];
      if (!executable)
        throw new Error(
          `${where}: the check does not know which executable package ${pkg} provides; add it to PACKAGE_EXECUTABLES in scripts/lib/productionBuild.mjs`,
        );
      // update-ca-certificates lives in /usr/sbin, which a plain user's PATH leaves out.
      await ensureDebianPackage(executable, pkg, () => ['/usr/sbin', '/sbin']);
    }
    return;
  }
  // apt's package lists: the image drops them; the host keeps its own.
  if (
    command === 'rm' &&
    args.every(a => a === '-rf' || a.startsWith('/var/lib/apt/'))
  )
    return;
  if (command === 'rm') {
    for (const file of args.filter(a => !a.startsWith('-')))
      fs.rmSync(inside(dir, file, line), { recursive: true, force: true });
    return;
  }
  if (command === 'tar') {
    await run('tar', args, { cwd: dir, env });
    return;
  }
  if (command === 'yarn') {
    // The vendored Yarn of the copied .yarnrc.yml, run in the folder (the image's Corepack would
    // find the same release through yarnPath).
    await run('node', [yarnRelease(dir, line), ...args], {
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return;
  }
  throw new Error(
    `${where}: the check does not know how to repeat ${command}; teach scripts/lib/productionBuild.mjs or change the Dockerfile`,
  );
}

function yarnRelease(dir, line) {
  const rc = fs.readFileSync(inside(dir, '.yarnrc.yml', line), 'utf8');
  const match = rc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match)
    throw new Error(
      `Dockerfile line ${line}: the copied .yarnrc.yml has no yarnPath`,
    );
  return inside(dir, match[1], line);
}

function copy(instruction, { dir, allowed }) {
  const { sources, destination } = copyArguments(instruction);
  for (const source of sources) {
    const normalized = source.replace(/^\.\//, '').replace(/\/+$/, '');
    const admitted = allowed.some(
      a => normalized === a || normalized.startsWith(`${a}/`),
    );
    if (!admitted)
      throw new Error(
        `Dockerfile line ${instruction.line}: COPY ${source}, but .dockerignore keeps it out of the build context; add "!${normalized}" to .dockerignore`,
      );
    const from = path.join(repoRoot, normalized);
    if (!fs.existsSync(from))
      throw new Error(
        `Dockerfile line ${instruction.line}: COPY ${source}, which does not exist (was the backend built?)`,
      );
    const into = destination.endsWith('/')
      ? path.join(
          inside(dir, destination, instruction.line),
          path.basename(from),
        )
      : inside(dir, destination, instruction.line);
    fs.mkdirSync(path.dirname(into), { recursive: true });
    fs.cpSync(from, into, { recursive: true });
  }
}

/**
 * Builds the backend and repeats the Dockerfile into a fresh folder. Returns
 * { dir, command, env } where command is ENTRYPOINT + CMD and env the image's ENV.
 */
export async function prepareProductionBuild(env) {
  const started = Date.now();
  // The Dockerfile's host steps (tsc has run before in ./paved test; the build needs its types).
  await yarn(['tsc'], env);
  await yarn(['build:backend'], env, {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const built = Date.now();

  const { instructions, allowed } = readDockerfile();
  fs.rmSync(buildRoot, { recursive: true, force: true });
  let dir;
  const vars = {};
  const imageEnv = {};
  let entrypoint = [];
  let cmd = [];
  const nodeVersion = fs
    .readFileSync(path.join(repoRoot, '.node-version'), 'utf8')
    .trim();
  for (const instruction of instructions) {
    const { keyword, line } = instruction;
    const args = substitute(instruction.args, vars);
    switch (keyword) {
      case 'ARG':
        Object.assign(vars, assignments({ ...instruction, args }));
        break;
      case 'FROM':
        if (!args.startsWith(`node:${nodeVersion}-`))
          throw new Error(
            `Dockerfile line ${line}: FROM ${args}, but .node-version says ${nodeVersion}: the bundle is built with that Node`,
          );
        break;
      case 'WORKDIR':
        dir = path.join(buildRoot, args.replace(/^\/+/, ''));
        fs.mkdirSync(dir, { recursive: true });
        break;
      case 'ENV':
        Object.assign(imageEnv, assignments({ ...instruction, args }));
        Object.assign(vars, imageEnv);
        break;
      case 'COPY':
        copy({ ...instruction, args }, { dir, allowed });
        break;
      case 'RUN':
        for (const part of args.split('&&'))
          await repeatCommand(words(part), {
            dir,
            env: { ...env, ...imageEnv },
            line,
          });
        break;
      case 'USER':
        if (!/^\d+(:\d+)?$/.test(args))
          throw new Error(
            `Dockerfile line ${line}: USER ${args} must be numeric, so Kubernetes' runAsNonRoot can verify it`,
          );
        break;
      case 'ENTRYPOINT':
        entrypoint = execForm({ ...instruction, args });
        break;
      case 'CMD':
        cmd = execForm({ ...instruction, args });
        break;
      default:
        throw new Error(
          `Dockerfile line ${line}: the check does not know how to repeat ${keyword}; teach scripts/lib/productionBuild.mjs`,
        );
    }
  }
  if (!dir || cmd.length === 0)
    throw new Error('the Dockerfile has no WORKDIR or no CMD');
  const command = [...entrypoint, ...cmd];
  console.log(
    `Production build in ${path.relative(repoRoot, dir)}: bundle ${Math.round(
      (built - started) / 1000,
    )} s, image steps ${Math.round(
      (Date.now() - built) / 1000,
    )} s; runs ${command.join(' ')}`,
  );
  return { dir, command, env: imageEnv };
}

/**
 * Starts the backend as the image would (ENTRYPOINT + CMD in the folder, the image's ENV), with
 * `configs` (repository-relative or absolute) layered after the CMD's own; a config the CMD
 * already names is not given twice.
 */
export function startProductionBackend({ build, configs, env, logName }) {
  const [command, ...args] = build.command;
  const extra = configs
    .filter(file => !args.includes(file))
    .flatMap(file => ['--config', path.resolve(repoRoot, file)]);
  return startBackendProcess({
    command,
    args: [...args, ...extra],
    cwd: build.dir,
    // In the image tini is PID 1 and reaps orphans; here it is a child, so it reaps as a
    // subreaper instead (and says nothing about it).
    env: { ...env, ...build.env, TINI_SUBREAPER: '1' },
    logName,
  });
}

/**
 * How a check starts a backend: from the given production build, from a new one, or (with
 * `--from-source`) from source.
 */
export async function backendLauncher(env, { args = [], build } = {}) {
  if (args.includes('--from-source')) return startBackendFromSource;
  const ready =
    build ??
    (await step('Production build (the Dockerfile, repeated)', () =>
      prepareProductionBuild(env),
    ));
  return options => startProductionBackend({ build: ready, ...options });
}
