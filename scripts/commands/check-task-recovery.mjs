// Kills the backend in the middle of a golden-path task (right after the repository was pushed),
// starts it again and checks that the task completes by itself and that nothing exists twice:
// one repository with one commit, one Application and one claim in the GitOps repository, one
// catalog entity. This is what scaffolder.taskRecovery and the actions' checkpoints promise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startIsolatedBackend } from '../lib/isolatedBackend.mjs';

// What a Go service of the golden path must contain (the templates check covers the rest).
const SKELETON = [
  'catalog-info.yaml',
  'Dockerfile',
  '.github/workflows/ci.yaml',
  'k8s/deployment.yaml',
  'k8s/kustomization.yaml',
  'docs/runbook.md',
  'main.go',
  'server_test.go',
];

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
// scaffolder.taskRecovery.staleTimeout is 30 s; the recovery loop then needs a moment.
const RECOVERY_TIMEOUT_MS = 150_000;

function gitCount(gitDir, args) {
  return Number(
    execFileSync('git', ['--git-dir', gitDir, ...args], {
      encoding: 'utf8',
    }).trim(),
  );
}

async function waitForStep(api, id, stepId, backend) {
  for (let i = 0; i < 600; i++) {
    if (backend.exitCode !== null)
      throw new Error('backend exited during the task');
    const events = await api.events(id);
    if (
      events.some(
        e => e.body?.stepId === stepId && e.body?.status === 'completed',
      )
    )
      return;
    if (events.some(e => e.body?.status === 'failed'))
      throw new Error(`task ${id} failed before step ${stepId}`);
    await sleep(50);
  }
  throw new Error(`step ${stepId} of task ${id} did not complete in 30 s`);
}

export async function checkTaskRecovery(env) {
  const name = `recovery-${Date.now().toString(36)}`;
  let started = startIsolatedBackend(env, 'task-recovery');
  const { token } = started;
  let id;
  try {
    await started.api.waitForGoldenPath(started.backend);
    ({ id } = await started.api.submitGoldenPath(name));
    await waitForStep(started.api, id, 'publish', started.backend);
    // As if the machine died: no graceful shutdown, the task stays "processing".
    await started.kill();
    console.log(
      `killed the backend after step publish of task ${id}; restarting`,
    );

    started = startIsolatedBackend(env, 'task-recovery', {
      fresh: false,
      token,
    });
    await started.api.waitForGoldenPath(started.backend);
    await started.api.waitForTask(id, RECOVERY_TIMEOUT_MS);
    const events = await started.api.events(id);
    if (!events.some(e => e.type === 'recovered'))
      throw new Error(`task ${id} completed without a "recovered" event`);

    const git = path.join(started.dataDir, 'git');
    const repo = path.join(git, 'checkout', `${name}.git`);
    const repos = fs
      .readdirSync(path.join(git, 'checkout'))
      .filter(r => r.startsWith(name));
    const repoCommits = gitCount(repo, ['rev-list', '--count', 'main']);
    const gitops = path.join(git, 'platform', 'gitops.git');
    const appCommits = gitCount(gitops, [
      'rev-list',
      '--count',
      'main',
      '--',
      `apps/dev/${name}.yaml`,
    ]);
    const claimCommits = gitCount(gitops, [
      'rev-list',
      '--count',
      'main',
      '--',
      `apps/dev/${name}/`,
    ]);
    const entities = await started.api.call(
      'GET',
      `/api/catalog/entities/by-query?filter=kind=component,metadata.name=${name}`,
    );
    const found = {
      repos,
      repoCommits,
      appCommits,
      claimCommits,
      entities: entities.items.length,
    };
    const expected = {
      repos: [`${name}.git`],
      repoCommits: 1,
      appCommits: 1,
      claimCommits: 1,
      entities: 1,
    };
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      throw new Error(
        `after the restart: ${JSON.stringify(found)}, expected ${JSON.stringify(
          expected,
        )}`,
      );
    }
    console.log(
      `task ${id} completed after the restart; nothing twice: ${JSON.stringify(
        found,
      )}`,
    );

    // The repository clones over HTTP, as the task printed it, with the whole skeleton.
    // The task's output (links, the clone command) is in its completion event.
    const completion = (await started.api.events(id)).find(
      e => e.type === 'completion',
    );
    const cloneUrl = JSON.stringify(completion?.body?.output ?? {}).match(
      /git clone (\S+?\.git)/,
    )?.[1];
    if (!cloneUrl) throw new Error(`task ${id} printed no clone command`);
    const cloneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-clone-'));
    execFileSync('git', ['clone', '--quiet', cloneUrl, cloneDir], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    const missing = SKELETON.filter(
      f => !fs.existsSync(path.join(cloneDir, f)),
    );
    fs.rmSync(cloneDir, { recursive: true, force: true });
    if (missing.length)
      throw new Error(`git clone ${cloneUrl} lacks ${missing.join(', ')}`);
    console.log(`git clone ${cloneUrl}: the skeleton is complete`);
  } catch (error) {
    throw new Error(
      `${error.message}\n--- last lines of ${
        started.logFile
      } ---\n${started.tail()}`,
    );
  } finally {
    await started.stop();
  }
}

/** `./paved check task-recovery`: this check alone. */
export default checkTaskRecovery;
