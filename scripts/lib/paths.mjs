// Where the set-up keeps things. Per clone: `.paved/` (data, logs). Per machine: the cache
// directory, so a second clone reuses the Node download and the Kubernetes build.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
export const stateDir = path.join(repoRoot, '.paved');
export const dataDir = path.join(stateDir, 'data');
export const machineCacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'paved',
);
