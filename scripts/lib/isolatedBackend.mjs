// A backend of its own for the scripts that drive the golden path (benchmark, recovery check):
// fresh data under .paved/<name>, port 7027, a static token for this run only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startBackendFromSource } from './backend.mjs';
import { stateDir } from './paths.mjs';
import { portalApi } from './portalApi.mjs';

export const ISOLATED_BASE_URL = 'http://localhost:7027';

/** Starts it; `fresh: false` keeps the data of an earlier start (a restart). */
export function startIsolatedBackend(
  env,
  name,
  { fresh = true, token, extraConfigs = [] } = {},
) {
  const dataDir = path.join(stateDir, name);
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const scriptToken = token ?? crypto.randomBytes(24).toString('base64url');
  const started = startBackendFromSource({
    logName: name,
    configs: [
      'app-config.yaml',
      'scripts/isolated-backend-config.yaml',
      ...extraConfigs,
    ],
    env: {
      ...env,
      PAVED_SCRIPT_TOKEN: scriptToken,
      PAVED_SCRIPT_DATA: dataDir,
    },
  });
  return {
    ...started,
    dataDir,
    token: scriptToken,
    api: portalApi(ISOLATED_BASE_URL, scriptToken),
  };
}
