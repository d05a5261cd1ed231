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
  /** `receive.maxInputSize` and the cap on a git request's body, in bytes. */
  maxPushSizeBytes: number;
  /** How long one git process may run before it is killed, in milliseconds. */
  gitTimeoutMs: number;
  /** The largest file a raw read or the URL reader serves, in bytes. */
  maxBlobSizeBytes: number;
  /** `owner/name` of the repositories only the golden path writes (the GitOps repository first). */
  automationOnlyRepositories: string[];
}

const MEGABYTE = 1024 * 1024;
/** The golden path's defaults for its GitOps repository (goldenPathConfig.ts). */
const DEFAULT_GITOPS_OWNER = 'platform';
const DEFAULT_GITOPS_REPOSITORY = 'gitops';

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
    // Whole bytes: git reads receive.maxInputSize as an integer.
    maxPushSizeBytes: Math.floor(
      readPositive(config, 'gitHost.maxPushSizeMegabytes', 100) * MEGABYTE,
    ),
    gitTimeoutMs: readPositive(config, 'gitHost.gitTimeoutSeconds', 120) * 1000,
    maxBlobSizeBytes: Math.floor(
      readPositive(config, 'gitHost.maxBlobSizeMegabytes', 10) * MEGABYTE,
    ),
    automationOnlyRepositories: readAutomationOnly(config),
  };
}

function readPositive(config: Config, key: string, fallback: number) {
  const value = readOptional(
    () => config.getOptionalNumber(key),
    key,
    'set it to a positive number',
  );
  if (value === undefined) return fallback;
  if (!(value > 0)) {
    throw new Error(
      `Invalid config ${key}: ${value} is not positive; set it to a positive number, or remove it for the default ${fallback}`,
    );
  }
  return value;
}

/**
 * The GitOps repository is written by the golden path alone (its owner and name are the golden
 * path's, with its defaults), plus whatever the platform team lists.
 */
function readAutomationOnly(config: Config): string[] {
  const owner = readOptional(
    () => config.getOptionalString('paved.goldenPath.delivery.gitopsOwner'),
    'paved.goldenPath.delivery.gitopsOwner',
    'set it to the owner of the GitOps repository, such as platform',
  );
  const name = readOptional(
    () =>
      config.getOptionalString('paved.goldenPath.delivery.gitopsRepository'),
    'paved.goldenPath.delivery.gitopsRepository',
    'set it to the name of the GitOps repository, such as gitops',
  );
  const listed = readOptional(
    () => config.getOptionalStringArray('gitHost.automationOnlyRepositories'),
    'gitHost.automationOnlyRepositories',
    'set it to a list of owner/name, such as [platform/gitops]',
  );
  for (const ref of listed ?? []) {
    if (!/^[^/]+\/[^/]+$/.test(ref)) {
      throw new Error(
        `Invalid config gitHost.automationOnlyRepositories: ${JSON.stringify(
          ref,
        )} is not owner/name; list repositories as owner/name, such as platform/gitops`,
      );
    }
  }
  const gitops = `${owner ?? DEFAULT_GITOPS_OWNER}/${
    name ?? DEFAULT_GITOPS_REPOSITORY
  }`;
  return [...new Set([gitops, ...(listed ?? [])])];
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
