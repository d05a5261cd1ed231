// Two (or more) Paved backends sharing one PostgreSQL database prefix, one SCM and one GitOps
// repository: each on its own loopback port with its own disk (git-host directory, TechDocs,
// workspaces), started, killed with SIGKILL and restarted by the replicas check. Every start of a
// replica writes a log of its own (.paved/logs/replicas-<n>.<start>.log), so what a replica did
// before it was killed is still there afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '../freePort.mjs';
import { portalApi } from '../portalApi.mjs';

const READY_TIMEOUT_MS = 240_000;
const MAX_STARTUP_RESTARTS = 3;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** What differs per replica: its port and base URL, and the directories on its own disk. */
function writeReplicaConfig(dir, port) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const file = path.join(dir, 'replica-config.yaml');
  fs.writeFileSync(
    file,
    stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        cors: { origin: baseUrl },
        workingDirectory: path.join(dir, 'work'),
      },
      gitHost: { directory: path.join(dir, 'git') },
      // Production publishes TechDocs to a bucket every replica reads; the check has no bucket,
      // so each backend publishes to a folder of its own.
      techdocs: {
        publisher: {
          type: 'local',
          local: { publishDirectory: path.join(dir, 'techdocs') },
        },
      },
    }),
  );
  fs.mkdirSync(path.join(dir, 'work'), { recursive: true });
  return { file, baseUrl };
}

/**
 * launch({ port, configs, env, logName }) starts one backend process (startBackendFromSource's or
 * startProductionBackend's shape); configs are the shared files, env the shared environment.
 */
export async function createReplicaSet({
  count,
  launch,
  configs,
  env,
  token,
  workDir,
}) {
  const replicas = [];
  for (let n = 1; n <= count; n++) {
    const port = await freePort();
    const dir = path.join(workDir, `replica-${n}`);
    fs.mkdirSync(dir, { recursive: true });
    const { file, baseUrl } = writeReplicaConfig(dir, port);
    replicas.push(
      createReplica({ n, port, baseUrl, file, launch, configs, env, token }),
    );
  }
  return {
    replicas,
    async startAll() {
      await Promise.all(replicas.map(r => r.start()));
    },
    async stopAll() {
      await Promise.all(replicas.map(r => r.stop()));
    },
    /** The replica whose current process ran (claimed) the task; undefined if none did yet. */
    runnerOf(taskId) {
      return replicas.find(r => r.alive() && r.claimed(taskId));
    },
  };
}

function createReplica({
  n,
  port,
  baseUrl,
  file,
  launch,
  configs,
  env,
  token,
}) {
  let started;
  let starts = 0;
  const logs = [];
  const replica = {
    name: `replica-${n}`,
    port,
    baseUrl,
    api: portalApi(baseUrl, token),
    logs,
    alive: () =>
      Boolean(started) &&
      started.backend.exitCode === null &&
      !started.backend.signalCode,
    /** Restarts after a failed start, as Kubernetes' restart policy does; counted for the summary. */
    startupRestarts: 0,
    /**
     * Starts this replica and waits until it serves the golden path. A process that exits while
     * starting is started again (up to MAX_STARTUP_RESTARTS times), as the Deployment's pod would
     * be: two replicas starting at once on a new database race for the migration locks, and the
     * loser exits (packages/backend/src/index.ts) to be restarted.
     */
    async start() {
      if (replica.alive())
        throw new Error(`${replica.name} is already running`);
      for (;;) {
        starts += 1;
        const logName = `replicas-${n}.${starts}`;
        started = await launch({
          port,
          configs: [...configs, file],
          env: { ...env, PAVED_BASE_URL: baseUrl },
          logName,
        });
        logs.push(started.logFile);
        try {
          await waitUntilReady(replica, started);
          return;
        } catch (error) {
          if (
            replica.alive() ||
            replica.startupRestarts >= MAX_STARTUP_RESTARTS
          )
            throw error;
          replica.startupRestarts += 1;
          // The first line says which replica exited and where its log is.
          console.log(
            `${error.message
              .split('\n')[0]
              .replace(/:$/, '')}; starting it again, as Kubernetes would`,
          );
        }
      }
    },
    /** As if the machine died: no shutdown hooks, tasks stay "processing". */
    async kill() {
      if (replica.alive()) await started.kill();
    },
    async stop() {
      if (replica.alive()) await started.stop();
    },
    /** The file the current process writes its log to (undefined before the first start). */
    logFile: () => started?.logFile,
    /** The current process's log, without the request log. */
    log: () => (started ? readLog(started.logFile) : ''),
    tail: (lines = 30) => (started ? started.tail(lines) : '(never started)'),
    /** Lines of every log this replica ever wrote that contain `text`. */
    linesWith: text =>
      logs.flatMap(f =>
        readLog(f)
          .split('\n')
          .filter(l => l.includes(text)),
      ),
    /** True when this process's log has the scaffolder's "task execution" audit event for it. */
    claimed: taskId => taskAudits(replica.log(), taskId).length > 0,
    /** The scaffolder's audit lines for the task in every log this replica ever wrote. */
    taskAudits: taskId => logs.flatMap(f => taskAudits(readLog(f), taskId)),
  };
  return replica;
}

function readLog(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The scaffolder's TaskWorker records one audit event per task it runs (eventId "task",
 * actionType "execution", status initiated, then succeeded or failed) on the replica that claimed
 * it; production logs are JSON lines.
 */
function taskAudits(text, taskId) {
  const needle = `"taskId":"${taskId}"`;
  return text
    .split('\n')
    .filter(
      line =>
        line.includes(needle) && line.includes('"actionType":"execution"'),
    )
    .map(line => {
      try {
        return JSON.parse(line);
      } catch {
        return { status: 'unparsed', line };
      }
    });
}

async function waitUntilReady(replica, started) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'not answering yet';
  while (Date.now() < deadline) {
    if (!replica.alive())
      throw new Error(
        `${replica.name} exited while starting (code ${
          started.backend.exitCode
        }, signal ${started.backend.signalCode}); last lines of ${
          started.logFile
        }:\n${started.tail()}`,
      );
    try {
      const res = await fetch(
        `${replica.baseUrl}/.backstage/health/v1/readiness`,
        {
          signal: AbortSignal.timeout(5000),
        },
      );
      if (res.ok) {
        await replica.api.waitForGoldenPath(
          started.backend,
          Math.max(1000, deadline - Date.now()),
        );
        return;
      }
      last = `readiness answered ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(
    `${replica.name} was not ready after ${
      READY_TIMEOUT_MS / 1000
    } s (${last}); last lines of ${started.logFile}:\n${started.tail()}`,
  );
}
