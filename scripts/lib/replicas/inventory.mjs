// What exists for each service name, counted where it lives: repositories and their commits on
// Gitea's REST API, Application and claim files (and the commits that wrote them) in a fresh clone
// of the GitOps repository or, with kubernetes delivery, the objects on the cluster, entities and
// locations in the catalog. A duplicate anywhere shows as a
// count above one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const TASK_ANNOTATION = 'paved.dev/scaffolder-task';
const CLAIM = /\[paved-task:([A-Za-z0-9._-]+)\]$/;

async function giteaJson(gitea, urlPath) {
  const res = await fetch(`${gitea.baseUrl}/api/v1${urlPath}`, {
    headers: { authorization: `token ${gitea.token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok)
    throw new Error(
      `Gitea GET ${urlPath} answered ${res.status}: ${await res.text()}`,
    );
  return {
    body: await res.json(),
    total: Number(res.headers.get('x-total-count') ?? NaN),
  };
}

/** Every repository of the organisation, with the task its description names. */
export async function giteaRepositories(gitea) {
  const repos = [];
  for (let page = 1; ; page++) {
    const { body } = await giteaJson(
      gitea,
      `/orgs/${gitea.organization}/repos?limit=50&page=${page}`,
    );
    repos.push(
      ...body.map(r => ({
        name: r.name,
        claim: CLAIM.exec(r.description ?? '')?.[1],
        empty: r.empty,
      })),
    );
    if (body.length < 50) return repos;
  }
}

/** Number of commits on a repository's main branch (0 when it has none). */
export async function giteaCommitCount(gitea, name) {
  try {
    const { total } = await giteaJson(
      gitea,
      `/repos/${gitea.organization}/${name}/commits?sha=main&limit=1&stat=false&verification=false&files=false`,
    );
    return total;
  } catch (error) {
    if (/answered (404|409)/.test(error.message)) return 0;
    throw error;
  }
}

function git(args, options = {}) {
  return execFileSync('git', args, {
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
}

/** A fresh clone of the GitOps repository; the caller removes it. */
export function cloneGitops(gitea) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-replicas-gitops-'));
  const auth = Buffer.from(`${gitea.username}:${gitea.token}`).toString(
    'base64',
  );
  // The credentials travel in the environment (git's GIT_CONFIG_* variables), not in argv.
  git(
    [
      'clone',
      '--quiet',
      '--',
      `${gitea.baseUrl}/${gitea.organization}/gitops.git`,
      dir,
    ],
    {
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${auth}`,
      },
    },
  );
  return dir;
}

/** The Application, Namespace and claim files of a service in the GitOps clone, and how many commits wrote each. */
export function gitopsFiles(dir, name, environment = 'dev') {
  const files = [];
  const application = `apps/${environment}/${name}.yaml`;
  const claimDir = `apps/${environment}/${name}`;
  const candidates = [
    application,
    ...(fs.existsSync(path.join(dir, claimDir))
      ? fs.readdirSync(path.join(dir, claimDir)).map(f => `${claimDir}/${f}`)
      : []),
  ];
  for (const file of candidates) {
    if (!fs.existsSync(path.join(dir, file))) continue;
    const manifest = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const commits = git([
      '-C',
      dir,
      'rev-list',
      '--count',
      'HEAD',
      '--',
      file,
    ]).trim();
    files.push({
      file,
      kind: manifest?.kind,
      task: manifest?.metadata?.annotations?.[TASK_ANNOTATION],
      commits: Number(commits),
    });
  }
  return files;
}

/** Components and url locations in the catalog for a service name. */
export async function catalogEntries(api, name, gitea) {
  const { items } = await api.call(
    'GET',
    `/api/catalog/entities/by-query?filter=kind=component,metadata.name=${encodeURIComponent(
      name,
    )}`,
  );
  const locations = await api.call('GET', '/api/catalog/locations');
  const repoUrl = `${gitea.baseUrl}/${gitea.organization}/${name}/`;
  return {
    entities: items.map(e => ({
      task: e.metadata.annotations?.[TASK_ANNOTATION],
    })),
    locations: locations.filter(l => (l.data ?? l).target?.startsWith(repoUrl))
      .length,
  };
}

/** The Application, Namespace and claim objects of a service on the cluster (kubernetes delivery). */
export async function clusterObjects(cluster, name, environment = 'dev') {
  const namespace = `${name}-${environment}`;
  const found = [
    await getOrNull(
      cluster.client,
      `/apis/argoproj.io/v1alpha1/namespaces/${cluster.argocdNamespace}/applications/${namespace}`,
    ),
    await getOrNull(cluster.client, `/api/v1/namespaces/${namespace}`),
    ...((
      await getOrNull(
        cluster.client,
        `/apis/platform.paved.dev/v1alpha1/namespaces/${namespace}/postgresqlinstances`,
      )
    )?.items ?? []),
  ].filter(Boolean);
  return found.map(o => ({
    kind: o.kind,
    task: o.metadata?.annotations?.[TASK_ANNOTATION],
  }));
}

async function getOrNull(client, urlPath) {
  try {
    return await client.request('GET', urlPath);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/**
 * Everything made for each name: { name: { repos, repoClaims, commits, applications, namespaces,
 * claims, deliveredTasks, gitopsCommits, entities, entityTasks, locations } }. What was delivered is
 * read from the GitOps repository, or with `cluster` ({ client, argocdNamespace }: kubernetes
 * delivery) from the cluster.
 */
export async function inventory({ gitea, api, names, cluster }) {
  const repos = await giteaRepositories(gitea);
  const dir = cluster ? undefined : cloneGitops(gitea);
  try {
    const out = {};
    for (const name of names) {
      const own = repos.filter(r => r.name === name);
      const delivered = cluster
        ? await clusterObjects(cluster, name)
        : gitopsFiles(dir, name);
      const catalog = await catalogEntries(api, name, gitea);
      out[name] = {
        repos: own.length,
        repoClaims: own.map(r => r.claim),
        commits: own.length ? await giteaCommitCount(gitea, name) : 0,
        applications: delivered.filter(f => f.kind === 'Application').length,
        namespaces: delivered.filter(f => f.kind === 'Namespace').length,
        claims: delivered.filter(
          f => f.kind !== 'Application' && f.kind !== 'Namespace',
        ).length,
        deliveredTasks: delivered.map(f => f.task),
        // Commits per GitOps file; objects on a cluster have none.
        gitopsCommits: delivered.flatMap(f =>
          f.commits === undefined ? [] : [f.commits],
        ),
        entities: catalog.entities.length,
        entityTasks: catalog.entities.map(e => e.task),
        locations: catalog.locations,
      };
    }
    return out;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Problems with a completed service's inventory: anything but exactly one of each thing, all made
 * by the one task that completed, each written by one commit.
 */
export function completeServiceProblems(name, found, taskId) {
  const problems = [];
  const expectOne = [
    'repos',
    'applications',
    'namespaces',
    'claims',
    'entities',
    'locations',
  ];
  for (const key of expectOne) {
    if (found[key] !== 1)
      problems.push(`${name}: ${found[key]} ${key}, expected 1`);
  }
  if (found.commits !== 1)
    problems.push(
      `${name}: ${found.commits} commits in its repository, expected 1`,
    );
  for (const [what, tasks] of [
    ['repository', found.repoClaims],
    ['delivered object', found.deliveredTasks],
    ['entity', found.entityTasks],
  ]) {
    for (const task of tasks) {
      if (task !== taskId)
        problems.push(`${name}: a ${what} of task ${task}, expected ${taskId}`);
    }
  }
  if (found.gitopsCommits.some(c => c !== 1))
    problems.push(
      `${name}: GitOps files written by ${found.gitopsCommits.join(
        '/',
      )} commits, expected 1 each`,
    );
  return problems;
}

/** How many things exist beyond the first of their kind, over every name. */
export function countDuplicates(found) {
  let extra = 0;
  for (const f of Object.values(found)) {
    for (const key of [
      'repos',
      'applications',
      'namespaces',
      'claims',
      'entities',
      'locations',
    ])
      extra += Math.max(0, f[key] - 1);
    extra += Math.max(0, f.commits - 1);
    extra += f.gitopsCommits.reduce((sum, c) => sum + Math.max(0, c - 1), 0);
  }
  return extra;
}
