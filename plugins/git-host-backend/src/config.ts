// Reads the `gitHost` config block. Mistakes here surface at startup with the key that is
// wrong and what to put there, rather than as a confusing git error on the first push.
import { Config } from '@backstage/config';
import path from 'node:path';

/** Where repositories live when `gitHost.directory` is not set, relative to the cwd. */
export const DEFAULT_GIT_HOST_DIRECTORY = '.paved/data/git';

export interface GitHostConfig {
  /** Absolute path of the directory holding `<owner>/<name>.git`. */
  directory: string;
  /** False when the default directory was used, so the plugin can say where it went. */
  directoryConfigured: boolean;
  /** Whether clone, fetch and raw reads are allowed without credentials. */
  anonymousRead: boolean;
}

export function readGitHostConfig(
  config: Config,
  cwd: string = process.cwd(),
): GitHostConfig {
  const directory = readOptional(
    () => config.getOptionalString('gitHost.directory'),
    'gitHost.directory',
    'set it to a directory path such as ../../.paved/data/git, or remove it to use the default',
  );
  if (directory !== undefined && directory.trim() === '') {
    throw new Error(
      'Invalid config gitHost.directory: it is empty; set it to a directory path such as ../../.paved/data/git, or remove it to use the default',
    );
  }
  const anonymousRead = readOptional(
    () => config.getOptionalBoolean('gitHost.anonymousRead'),
    'gitHost.anonymousRead',
    'set it to true or false',
  );
  return {
    directory: path.resolve(cwd, directory ?? DEFAULT_GIT_HOST_DIRECTORY),
    directoryConfigured: directory !== undefined,
    anonymousRead: anonymousRead ?? false,
  };
}

function readOptional<T>(read: () => T, key: string, advice: string): T {
  try {
    return read();
  } catch (error) {
    throw new Error(
      `Invalid config ${key}: ${(error as Error).message}; ${advice}`,
    );
  }
}
