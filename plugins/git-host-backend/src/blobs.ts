// File contents leave the git host as a stream of `git cat-file blob`, never read whole into
// memory, and only up to gitHost.maxBlobSizeMegabytes: a large file cannot exhaust the backend.
import { CustomErrorBase } from '@backstage/errors';
import { Readable } from 'node:stream';
import { GitOptions, runGit, spawnGit } from './runGit';

/** A file larger than the git host serves (413). */
export class BlobTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

export interface BlobLimits {
  timeoutMs: number;
  maxBlobSizeBytes: number;
}

/** A file of a repository: its blob id and size, and its bytes on demand. */
export interface Blob {
  blob: string;
  size: number;
  open(): Readable;
}

/** The blob `blob` (a resolved object id) of `gitDir`, or undefined when it is not a blob. */
export async function openBlob(
  gitDir: string,
  blob: string,
  limits: BlobLimits,
  describe: string,
): Promise<Blob | undefined> {
  const options: GitOptions = { timeoutMs: limits.timeoutMs };
  const git = (args: string[]) =>
    runGit([`--git-dir=${gitDir}`, ...args], options);
  const type = (await git(['cat-file', '-t', blob])).trim();
  if (type !== 'blob') return undefined;
  const size = Number((await git(['cat-file', '-s', blob])).trim());
  if (size > limits.maxBlobSizeBytes) {
    throw new BlobTooLargeError(
      `${describe} is ${formatMegabytes(
        size,
      )}, larger than the ${formatMegabytes(
        limits.maxBlobSizeBytes,
      )} the git host serves; clone the repository instead, or ask the platform team to raise gitHost.maxBlobSizeMegabytes`,
    );
  }
  return {
    blob,
    size,
    open() {
      const child = spawnGit(
        [`--git-dir=${gitDir}`, 'cat-file', 'blob', blob],
        options,
      );
      const out = child.stdout!;
      child.on('timeout', error => out.destroy(error));
      child.on('close', code => {
        if (code !== 0 && code !== null)
          out.destroy(new Error(`git cat-file exited ${code}`));
      });
      return out;
    },
  };
}

/** Reads a stream whole; for the URL reader's buffer(), whose size openBlob already capped. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function formatMegabytes(bytes: number) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
