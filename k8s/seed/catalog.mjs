// Reads the example organisation (catalog/all.yaml and the files it targets) and returns what the
// seed needs: the services that run on Kubernetes and where, the database claims, and who is in
// which team. The catalog is the source of truth: the demo cluster matches it.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../scripts/lib/common.mjs';

export const ENVIRONMENTS = ['dev', 'staging', 'production'];

function readEntities(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const entities = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const entity = doc.toJS();
    if (!entity) continue;
    if (entity.kind === 'Location') {
      for (const target of entity.spec?.targets ?? [])
        entities.push(...readEntities(resolve(dirname(file), target), seen));
    } else {
      entities.push(entity);
    }
  }
  return entities;
}

/** "group:default/checkout" -> "checkout" */
const refName = ref => ref.split('/').pop().split(':').pop();

function environmentsOf(component) {
  const a = component.metadata.annotations;
  const id = a['backstage.io/kubernetes-id'];
  // Golden-path services say where they run; hand-made ones run in every environment.
  const envs = a['paved.dev/environment']
    ? [a['paved.dev/environment']]
    : ENVIRONMENTS;
  return envs.map(env => ({
    env,
    namespace:
      (envs.length === 1 && a['backstage.io/kubernetes-namespace']) ||
      `${id}-${env}`,
    appName: (envs.length === 1 && a['argocd/app-name']) || `${id}-${env}`,
  }));
}

export function readCatalog(entryFile = join(repoRoot, 'catalog', 'all.yaml')) {
  const entities = readEntities(entryFile);
  const byKind = kind => entities.filter(e => e.kind === kind);
  const databases = new Set(
    byKind('Resource')
      .filter(r => r.spec?.type === 'database')
      .map(r => r.metadata.name),
  );

  const services = byKind('Component')
    .filter(c => c.metadata.annotations?.['backstage.io/kubernetes-id'])
    .map(c => {
      const a = c.metadata.annotations;
      const team = refName(c.spec.owner);
      const source = (c.metadata.links ?? []).find(l => l.title === 'Source');
      return {
        name: a['backstage.io/kubernetes-id'],
        team,
        type: c.spec.type,
        lifecycle: c.spec.lifecycle,
        tags: c.metadata.tags ?? [],
        goldenPath: Boolean(a['backstage.io/source-template']),
        createdAt: a['paved.dev/created-at'],
        repoURL:
          source?.url ?? `https://git.paved.example/${team}/${c.metadata.name}`,
        databases: (c.spec.dependsOn ?? [])
          .filter(ref => ref.startsWith('resource:'))
          .map(refName)
          .filter(name => databases.has(name)),
        environments: environmentsOf(c),
      };
    });

  const claims = byKind('Resource')
    .filter(r => r.metadata.annotations?.['paved.dev/claim'])
    .map(r => {
      const a = r.metadata.annotations;
      const [kind, namespace, name] = a['paved.dev/claim'].split('/');
      return {
        kind,
        namespace,
        name,
        tier: a['paved.dev/tier'],
        offering: a['paved.dev/offering'],
        resource: r.metadata.name,
        team: refName(r.spec.owner),
      };
    });

  const members = {};
  for (const user of byKind('User')) {
    if (user.metadata.name === 'guest') continue; // the demo sign-in, not a person who deploys
    for (const team of user.spec.memberOf ?? [])
      (members[refName(team)] ??= []).push(user.metadata.name);
  }
  return { services, claims, members };
}
