import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** Runs `node k8s/seed/seed.mjs` with extra arguments and environment; resolves to its output. */
export async function runSeed(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(
    process.execPath,
    [resolve(repoRoot, 'k8s', 'seed', 'seed.mjs'), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}
