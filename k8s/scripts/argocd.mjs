#!/usr/bin/env node
// Argo CD on the local control plane (see k8s/README.md, "Argo CD"):
//
//   node k8s/scripts/argocd.mjs up [--git-host URL] [--cluster NAME] [--environments dev,staging]
//   node k8s/scripts/argocd.mjs down
//
// `up` starts the control plane when it is not running (PAVED_K8S_DIR as for up.mjs), builds Argo CD
// once per machine, starts Redis, the repo server and the application controller, and, with
// --git-host, connects it to the portal's GitOps repository there: read credentials
// (PAVED_ARGOCD_GIT_TOKEN, a token the git host accepts for reads; never on the command line),
// the cluster name the portal's Applications use (default paved-local) and a root Application per
// environment (default dev,staging,production). Prints one JSON line: { kubeconfig, ports, pids }.
// Needs Debian's redis-server (REDIS_SERVER, else PATH).
import { log, findExecutable } from './lib/common.mjs';
import { up } from './lib/control.mjs';
import { startArgocd, stopArgocd } from './lib/argocd-plane.mjs';
import { gitopsObjects } from './lib/argocd-gitops.mjs';
import { kubeClient } from './lib/kube-client.mjs';
import { ACCESS_ACCOUNT, ACCESS_NAMESPACE } from './lib/backstage-access.mjs';

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (!value || value.startsWith('--'))
    throw new Error(`--${name} needs a value`);
  return value;
}

async function main([command, ...args]) {
  if (command === 'down') {
    await stopArgocd();
    return;
  }
  if (command !== 'up')
    throw new Error(
      'usage: node k8s/scripts/argocd.mjs up [--git-host URL] [--cluster NAME] [--environments a,b] | down',
    );
  const redisServer = findExecutable('redis-server', {
    envVar: 'REDIS_SERVER',
    fallbacks: ['/usr/bin/redis-server'],
  });
  if (!redisServer)
    throw new Error(
      "Argo CD needs Redis: install Debian's redis-server (apt-get install redis-server) or set REDIS_SERVER",
    );
  const gitHost = option(args, 'git-host');
  if (gitHost && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(gitHost))
    throw new Error(
      `--git-host ${JSON.stringify(
        gitHost,
      )} is not an http(s) URL; give the git host's base, e.g. http://localhost:7007/api/git-host`,
    );
  const cluster = option(args, 'cluster', 'paved-local');
  const environments = option(
    args,
    'environments',
    'dev,staging,production',
  ).split(',');
  const name = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  for (const value of [cluster, ...environments])
    if (!name.test(value) || value.length > 40)
      throw new Error(
        `${JSON.stringify(
          value,
        )} is not a cluster or environment name: use lower-case letters, digits and dashes (e.g. paved-local, dev)`,
      );
  const gitToken = process.env.PAVED_ARGOCD_GIT_TOKEN;
  if (gitHost && !gitToken)
    throw new Error(
      '--git-host needs PAVED_ARGOCD_GIT_TOKEN: the read token Argo CD sends to the git host',
    );
  const kubeconfig = await up();
  const { ports, pids } = await startArgocd({ redisServer, kubeconfig });
  if (gitHost) {
    const client = await kubeClient(kubeconfig);
    try {
      for (const object of gitopsObjects({
        gitHostUrl: gitHost,
        gitToken,
        cluster,
        environments,
        portalAccount: { name: ACCESS_ACCOUNT, namespace: ACCESS_NAMESPACE },
      }))
        await client.apply(object, { fieldManager: 'paved-argocd' });
    } finally {
      client.close();
    }
    log(
      `Argo CD reads ${gitHost} (read token), deploys to cluster "${cluster}", syncs apps/{${environments.join(
        ',',
      )}} of platform/gitops`,
    );
  }
  process.stdout.write(`${JSON.stringify({ kubeconfig, ports, pids })}\n`);
}

main(process.argv.slice(2)).catch(e => {
  console.error(`argocd: ${e.message}`);
  process.exit(1);
});
