// A throwaway Gitea server for the tests (the golden path's real SCM): built once per machine from
// its Go module (gitea/scripts/build.mjs), started on 127.0.0.1 with SQLite in a fresh folder under
// the OS temp dir, no SSH, no registration, offline. It is given an organisation, a golden-path
// user in a team allowed to create repositories there, and a second user with no rights on it.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureGitea } from '../../gitea/scripts/build.mjs';
import { freePort } from './freePort.mjs';

const ORGANIZATION = 'paved-test';
const READY_TIMEOUT_MS = 60_000;
/** What the golden path needs: create a repository in an organisation (write:organization and
 * write:repository, both checked by POST /orgs/{org}/repos), read it back and push to it
 * (write:repository). Nothing of the user's own account (read:user) is used. */
export const GOLDEN_PATH_TOKEN_SCOPES = [
  'write:organization',
  'write:repository',
];

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function appIni({ root, port, staticRoot }) {
  const secret = () => crypto.randomBytes(32).toString('hex');
  return `APP_NAME = Paved test Gitea
RUN_MODE = prod
WORK_PATH = ${root}

[server]
PROTOCOL = http
HTTP_ADDR = 127.0.0.1
HTTP_PORT = ${port}
DOMAIN = 127.0.0.1
ROOT_URL = http://127.0.0.1:${port}/
DISABLE_SSH = true
START_SSH_SERVER = false
OFFLINE_MODE = true
LFS_START_SERVER = false
APP_DATA_PATH = ${root}/data
STATIC_ROOT_PATH = ${staticRoot}

[database]
DB_TYPE = sqlite3
PATH = ${root}/data/gitea.db

[repository]
ROOT = ${root}/repositories

[security]
INSTALL_LOCK = true
SECRET_KEY = ${secret()}
INTERNAL_TOKEN = ${secret()}

[oauth2]
ENABLED = false

[service]
DISABLE_REGISTRATION = true
REQUIRE_SIGNIN_VIEW = true
DEFAULT_ALLOW_CREATE_ORGANIZATION = false

[mailer]
ENABLED = false

[session]
PROVIDER = memory

[indexer]
ISSUE_INDEXER_TYPE = db

[actions]
ENABLED = false

[packages]
ENABLED = false

[cron.update_checker]
ENABLED = false

[log]
MODE = file
LEVEL = Info
ROOT_PATH = ${root}/log
`;
}

function logTail(root) {
  const file = path.join(root, 'log', 'gitea.log');
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(-30)
      .join('\n');
  } catch {
    return '(no log written)';
  }
}

/** Runs the gitea CLI against this server's config; resolves to its stdout. */
function giteaCli(server, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      server.binary,
      ['--config', server.ini, '--work-path', server.root, ...args],
      {
        env: server.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', c => (out += c));
    child.stderr.on('data', c => (err += c));
    child.on('error', reject);
    // args[0..2] name the command; the rest may hold a password, so it is not repeated.
    child.on('exit', code =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `gitea ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${err
                .trim()
                .split('\n')
                .slice(-5)
                .join('\n')}`,
            ),
          ),
    );
  });
}

async function api(baseUrl, method, urlPath, { user, password, body }) {
  const res = await fetch(`${baseUrl}/api/v1${urlPath}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString(
        'base64',
      )}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `Gitea ${method} ${urlPath} answered ${res.status}: ${text.slice(
        0,
        300,
      )}`,
    );
  return text ? JSON.parse(text) : undefined;
}

async function waitUntilReady(baseUrl, child, root) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode)
      throw new Error(
        `Gitea exited (${
          child.signalCode ?? `exit ${child.exitCode}`
        }) before it was ready. End of its log:\n${logTail(root)}`,
      );
    try {
      const res = await fetch(`${baseUrl}/api/healthz`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return;
      last = `/api/healthz answered ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  throw new Error(
    `Gitea was not ready within ${
      READY_TIMEOUT_MS / 1000
    } s (${last}). End of its log:\n${logTail(root)}`,
  );
}

/** A user made by the admin, with a token of its own (created with its password, as a person would). */
async function userWithToken(baseUrl, admin, username) {
  const password = crypto.randomBytes(18).toString('base64url');
  await api(baseUrl, 'POST', '/admin/users', {
    ...admin,
    body: {
      username,
      password,
      email: `${username}@paved.test`,
      must_change_password: false,
    },
  });
  const { sha1: token } = await api(
    baseUrl,
    'POST',
    `/users/${username}/tokens`,
    {
      user: username,
      password,
      body: { name: 'golden-path', scopes: GOLDEN_PATH_TOKEN_SCOPES },
    },
  );
  return token;
}

/**
 * Starts a fresh Gitea and returns
 * { baseUrl, host, organization, username, token, limitedUsername, limitedToken, stop }:
 * `username`/`token` may create repositories in `organization` (a team with "Create repositories"),
 * `limitedUsername`/`limitedToken` have the same token scopes but no rights on it. stop() kills
 * the server and deletes its data. `env` is the environment Gitea runs with (it needs git on PATH).
 */
export async function startTestGitea(env = process.env) {
  const { binary, staticRoot, version } = await ensureGitea();
  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-gitea-'));
  const port = await freePort();
  const ini = path.join(root, 'app.ini');
  fs.writeFileSync(ini, appIni({ root, port, staticRoot }), { mode: 0o600 });
  const server = {
    binary,
    root,
    ini,
    env: {
      ...env,
      HOME: root, // git config of the server's own git commands stays in the throwaway folder
      GITEA_WORK_DIR: root,
      // CI runs as root; Gitea refuses that without this switch.
      ...(process.getuid?.() === 0
        ? { GITEA_I_AM_BEING_UNSAFE_RUNNING_AS_ROOT: 'true' }
        : {}),
    },
  };
  let child;
  const stop = async () => {
    if (child && child.exitCode === null && !child.signalCode) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const adminPassword = crypto.randomBytes(18).toString('base64url');
    const admin = { user: 'paved-admin', password: adminPassword };
    // The database and the admin are made before the server opens the database.
    await giteaCli(server, ['migrate']);
    await giteaCli(server, [
      'admin',
      'user',
      'create',
      `--username=${admin.user}`,
      `--password=${adminPassword}`,
      '--email=paved-admin@paved.test',
      '--admin',
      '--must-change-password=false',
    ]);
    child = spawn(binary, ['--config', ini, '--work-path', root, 'web'], {
      env: server.env,
      stdio: 'ignore', // it logs to <root>/log/gitea.log
    });
    child.on('error', () => {}); // exitCode/signalCode are checked while waiting
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(baseUrl, child, root);

    // Visible to signed-in users, so that a user without rights is refused (403), not left
    // unable to see it (404).
    await api(baseUrl, 'POST', '/orgs', {
      ...admin,
      body: { username: ORGANIZATION, visibility: 'limited' },
    });
    const team = await api(baseUrl, 'POST', `/orgs/${ORGANIZATION}/teams`, {
      ...admin,
      body: {
        name: 'golden-path',
        permission: 'write',
        units: ['repo.code'],
        units_map: { 'repo.code': 'write' },
        can_create_org_repo: true,
      },
    });
    // Not "golden-path": the integration's username is a secret in Backstage's config schema, so
    // the backend would redact every "golden-path" in its logs (action ids included).
    const username = 'paved-bot';
    const token = await userWithToken(baseUrl, admin, username);
    await api(baseUrl, 'PUT', `/teams/${team.id}/members/${username}`, admin);
    const limitedUsername = 'no-rights';
    const limitedToken = await userWithToken(baseUrl, admin, limitedUsername);
    process.stderr.write(
      `[gitea] Gitea ${version} ready on ${baseUrl} in ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s (data ${root})\n`,
    );
    return {
      baseUrl,
      host: `127.0.0.1:${port}`,
      organization: ORGANIZATION,
      username,
      token,
      limitedUsername,
      limitedToken,
      stop,
    };
  } catch (error) {
    const tail = logTail(root);
    await stop();
    if (!error.message.includes('End of its log'))
      error.message += `\nEnd of Gitea's log:\n${tail}`;
    throw error;
  }
}

/** The environment variables the Jest integration test (IntegrationRepositoryHost.gitea.test.ts) reads. */
export function giteaTestEnv(gitea) {
  return {
    PAVED_TEST_GITEA_URL: gitea.baseUrl,
    PAVED_TEST_GITEA_ORG: gitea.organization,
    PAVED_TEST_GITEA_USER: gitea.username,
    PAVED_TEST_GITEA_TOKEN: gitea.token,
    PAVED_TEST_GITEA_LIMITED_USER: gitea.limitedUsername,
    PAVED_TEST_GITEA_LIMITED_TOKEN: gitea.limitedToken,
  };
}
