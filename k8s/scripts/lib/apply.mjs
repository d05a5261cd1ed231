// Applies the platform's manifests (platform/crds/**, then platform/crossplane/**) to the API server with
// server-side apply over REST. The API server parses the YAML itself (application/apply-patch+yaml), so
// no YAML library and no kubectl are needed; only apiVersion, kind and metadata.name/namespace are read
// here, from each document's top level.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, platformDir, repoRoot, sleep } from './common.mjs';

const FIELD_MANAGER = 'paved-k8s-up';

function yamlFiles(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

export function platformFiles() {
  return {
    crds: yamlFiles(join(platformDir, 'crds')),
    objects: yamlFiles(join(platformDir, 'crossplane')),
  };
}

export function platformHash() {
  const { crds, objects } = platformFiles();
  const h = createHash('sha256');
  for (const f of [...crds, ...objects])
    h.update(relative(repoRoot, f))
      .update('\0')
      .update(readFileSync(f))
      .update('\0');
  return h.digest('hex');
}

const unquote = s => s.replace(/^["']|["']$/g, '');

/** Splits a YAML stream into documents and reads the identifying top-level fields of each. */
export function readManifests(file) {
  const text = readFileSync(file, 'utf8');
  const docs = [];
  for (const doc of text.split(/^---[ \t]*$/m)) {
    if (!doc.split('\n').some(l => l.trim() && !l.trim().startsWith('#')))
      continue;
    const top = key => {
      const m = new RegExp(`^${key}:[ \\t]*([^\\s#]+)`, 'm').exec(doc);
      return m ? unquote(m[1]) : undefined;
    };
    const lines = doc.split('\n');
    const mi = lines.findIndex(l => /^metadata:\s*$/.test(l));
    let name;
    let namespace;
    if (mi >= 0) {
      const child = lines
        .slice(mi + 1)
        .find(l => l.trim() && !l.trim().startsWith('#'));
      const indent = child ? /^(\s*)/.exec(child)[1] : '  ';
      for (const l of lines.slice(mi + 1)) {
        if (/^\S/.test(l)) break;
        const m = new RegExp(
          `^${indent}(name|namespace):[ \\t]*([^\\s#]+)`,
        ).exec(l);
        if (m && m[1] === 'name' && name === undefined) name = unquote(m[2]);
        if (m && m[1] === 'namespace' && namespace === undefined)
          namespace = unquote(m[2]);
      }
    }
    const apiVersion = top('apiVersion');
    const kind = top('kind');
    if (!apiVersion || !kind || !name) {
      throw new Error(
        `${relative(
          repoRoot,
          file,
        )}: every document needs apiVersion, kind and metadata.name`,
      );
    }
    docs.push({
      file,
      body: doc.trim() + '\n',
      apiVersion,
      kind,
      name,
      namespace,
    });
  }
  return docs;
}

function apiBase(apiVersion) {
  return apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
}

async function resourceFor(api, apiVersion, kind, cache) {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key);
  // Discovery may lag a moment behind a freshly established CRD.
  for (let i = 0; i < 40; i++) {
    const r = await api('GET', apiBase(apiVersion));
    if (r.status === 200) {
      const res = r.json.resources.find(
        x => x.kind === kind && !x.name.includes('/'),
      );
      if (res) {
        cache.set(key, res);
        return res;
      }
    }
    await sleep(250);
  }
  throw new Error(
    `the API server does not serve ${kind} (${apiVersion}); is its CRD in platform/crds/?`,
  );
}

async function applyDoc(api, d, cache) {
  let path;
  if (d.kind === 'CustomResourceDefinition') {
    path = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${d.name}`;
  } else {
    const res = await resourceFor(api, d.apiVersion, d.kind, cache);
    const ns = res.namespaced ? `/namespaces/${d.namespace || 'default'}` : '';
    path = `${apiBase(d.apiVersion)}${ns}/${res.name}/${d.name}`;
  }
  const r = await api(
    'PATCH',
    `${path}?fieldManager=${FIELD_MANAGER}&force=true&fieldValidation=Strict`,
    {
      body: d.body,
      contentType: 'application/apply-patch+yaml',
      timeoutMs: 30000,
    },
  );
  if (r.status >= 300) {
    throw new Error(
      `applying ${d.kind} ${d.name} from ${relative(
        repoRoot,
        d.file,
      )} failed (${r.status}): ${r.json?.message || r.text}`,
    );
  }
  return r.json;
}

async function waitEstablished(api, names, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(names);
  while (pending.size) {
    for (const name of [...pending]) {
      const r = await api(
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
      );
      const conds = r.json?.status?.conditions || [];
      if (conds.some(c => c.type === 'Established' && c.status === 'True'))
        pending.delete(name);
      const bad = conds.find(
        c => c.type === 'NamesAccepted' && c.status === 'False',
      );
      if (bad)
        throw new Error(`CRD ${name}: names not accepted: ${bad.message}`);
    }
    if (!pending.size) break;
    if (Date.now() > deadline)
      throw new Error(
        `CRDs not Established after ${timeoutMs / 1000} s: ${[...pending].join(
          ', ',
        )}`,
      );
    await sleep(100);
  }
}

/** Applies platform/crds, waits until Established, then applies platform/crossplane objects. */
export async function applyPlatform(api, { timeoutMs = 30000 } = {}) {
  const { crds, objects } = platformFiles();
  const crdDocs = crds.flatMap(readManifests);
  const objDocs = objects.flatMap(readManifests);
  const cache = new Map();
  for (const d of crdDocs) {
    if (d.kind !== 'CustomResourceDefinition')
      throw new Error(
        `${relative(
          repoRoot,
          d.file,
        )}: only CustomResourceDefinitions belong in platform/crds`,
      );
    await applyDoc(api, d, cache);
  }
  await waitEstablished(
    api,
    crdDocs.map(d => d.name),
    timeoutMs,
  );
  for (const d of objDocs) await applyDoc(api, d, cache);
  log(
    `applied ${crdDocs.length} CRDs (Established) and ${objDocs.length} platform objects from platform/`,
  );
  return {
    crds: crdDocs.map(d => d.name),
    objects: objDocs.map(d => `${d.kind}/${d.name}`),
  };
}
