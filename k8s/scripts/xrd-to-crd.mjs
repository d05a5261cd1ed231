#!/usr/bin/env node
// Derives the CRDs of a Crossplane CompositeResourceDefinition's composite resource (XR) and claim, the
// way Crossplane 2.x itself does it (internal/xcrd in crossplane/crossplane: ForCompositeResource,
// ForCompositeResourceClaim), so that clusters without Crossplane (the local control plane, test
// clusters) validate claims against the schema the platform team wrote in the XRD.
//
//   node k8s/scripts/xrd-to-crd.mjs            regenerate platform/crds/crossplane/generated/ from
//                                              every XRD in platform/crossplane/xrds/
//   node k8s/scripts/xrd-to-crd.mjs --check    exit 1 if the generated files are out of date
//   node k8s/scripts/xrd-to-crd.mjs FILE...    only these XRD files
//
// Reads YAML with the `yaml` package from the repo's node_modules (installed by `yarn install`);
// writes YAML with a small built-in emitter so the output does not depend on that package's version.
import { pathToFileURL } from 'node:url';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { platformDir, repoRoot } from './lib/common.mjs';
import { toYaml } from './lib/yaml-emit.mjs';

const XRD_DIR = join(platformDir, 'crossplane', 'xrds');
const OUT_DIR = join(platformDir, 'crds', 'crossplane', 'generated');
const GENERATOR = 'k8s/scripts/xrd-to-crd.mjs';

// ---- Crossplane's schema fragments (internal/xcrd/schemas.go) ----------------------------------------
const str = { type: 'string' };
const matchLabels = () => ({
  type: 'object',
  required: ['matchLabels'],
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
  },
});
const nameRef = () => ({
  type: 'object',
  required: ['name'],
  properties: { name: { ...str } },
});

function compositeSpecProps(scope, defaultUpdatePolicy) {
  const props = {
    compositionRef: nameRef(),
    compositionSelector: matchLabels(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: matchLabels(),
    compositionUpdatePolicy: {
      type: 'string',
      enum: ['Automatic', 'Manual'],
      ...(defaultUpdatePolicy ? { default: defaultUpdatePolicy } : {}),
    },
    resourceRefs: {
      type: 'array',
      items: {
        type: 'object',
        properties:
          scope === 'Namespaced'
            ? { apiVersion: { ...str }, kind: { ...str }, name: { ...str } }
            : {
                apiVersion: { ...str },
                kind: { ...str },
                name: { ...str },
                namespace: { ...str },
              },
        required: ['apiVersion', 'kind'],
      },
      'x-kubernetes-list-type': 'atomic',
    },
  };
  if (scope === 'LegacyCluster') {
    // Legacy XRs keep Crossplane's fields directly under spec, can be claimed and write a secret.
    props.claimRef = {
      type: 'object',
      required: ['apiVersion', 'kind', 'namespace', 'name'],
      properties: {
        apiVersion: { ...str },
        kind: { ...str },
        name: { ...str },
        namespace: { ...str },
      },
    };
    props.writeConnectionSecretToRef = {
      type: 'object',
      required: ['name', 'namespace'],
      properties: { name: { ...str }, namespace: { ...str } },
    };
    return props;
  }
  return {
    crossplane: {
      type: 'object',
      description:
        'Configures how Crossplane will reconcile this composite resource',
      properties: props,
    },
  };
}

function claimSpecProps(defaultDeletePolicy) {
  return {
    compositionRef: nameRef(),
    compositionSelector: matchLabels(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: matchLabels(),
    compositionUpdatePolicy: { type: 'string', enum: ['Automatic', 'Manual'] },
    compositeDeletePolicy: {
      type: 'string',
      enum: ['Background', 'Foreground'],
      ...(defaultDeletePolicy ? { default: defaultDeletePolicy } : {}),
    },
    resourceRef: {
      type: 'object',
      required: ['apiVersion', 'kind', 'name'],
      properties: {
        apiVersion: { ...str },
        kind: { ...str },
        name: { ...str },
      },
    },
    writeConnectionSecretToRef: nameRef(),
  };
}

function statusProps(scope) {
  const props = {
    conditions: {
      description: 'Conditions of the resource.',
      type: 'array',
      'x-kubernetes-list-map-keys': ['type'],
      'x-kubernetes-list-type': 'map',
      items: {
        type: 'object',
        required: ['lastTransitionTime', 'reason', 'status', 'type'],
        properties: {
          lastTransitionTime: { type: 'string', format: 'date-time' },
          message: { ...str },
          observedGeneration: { type: 'integer', format: 'int64' },
          reason: { ...str },
          status: { ...str },
          type: { ...str },
        },
      },
    },
  };
  const connectionDetails = {
    type: 'object',
    properties: { lastPublishedTime: { type: 'string', format: 'date-time' } },
  };
  if (scope === 'LegacyCluster') {
    props.connectionDetails = connectionDetails;
    props.claimConditionTypes = {
      type: 'array',
      'x-kubernetes-list-type': 'set',
      items: { ...str },
    };
  } else {
    props.crossplane = {
      type: 'object',
      description:
        'Indicates how Crossplane is reconciling this composite resource',
      properties: { connectionDetails },
    };
  }
  return props;
}

const SYNCED = {
  name: 'SYNCED',
  type: 'string',
  jsonPath: ".status.conditions[?(@.type=='Synced')].status",
};
const READY = {
  name: 'READY',
  type: 'string',
  jsonPath: ".status.conditions[?(@.type=='Ready')].status",
};
const AGE = {
  name: 'AGE',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};

function compositeColumns(scope) {
  const base = scope === 'LegacyCluster' ? '.spec' : '.spec.crossplane';
  return [
    SYNCED,
    READY,
    {
      name: 'COMPOSITION',
      type: 'string',
      jsonPath: `${base}.compositionRef.name`,
    },
    {
      name: 'COMPOSITIONREVISION',
      type: 'string',
      jsonPath: `${base}.compositionRevisionRef.name`,
      priority: 1,
    },
    AGE,
  ];
}

const claimColumns = () => [
  SYNCED,
  READY,
  {
    name: 'CONNECTION-SECRET',
    type: 'string',
    jsonPath: '.spec.writeConnectionSecretToRef.name',
  },
  AGE,
];

// ---- derivation (internal/xcrd/crd.go) -----------------------------------------------------------------
function fail(file, msg) {
  throw new Error(`${relative(repoRoot, file)}: ${msg}`);
}

function genVersion(file, vr, maxNameLength) {
  const s = vr.schema?.openAPIV3Schema;
  if (!s) fail(file, `version ${vr.name}: schema.openAPIV3Schema is required`);
  const xSpec = s.properties?.spec ?? {};
  const xStatus = s.properties?.status ?? {};
  const oldMax = s.properties?.metadata?.properties?.name?.maxLength;

  const spec = { type: 'object', properties: {} };
  if (xSpec.description) spec.description = xSpec.description;
  if (xSpec.required?.length) spec.required = [...xSpec.required];
  if (xSpec['x-kubernetes-preserve-unknown-fields'] !== undefined)
    spec['x-kubernetes-preserve-unknown-fields'] =
      xSpec['x-kubernetes-preserve-unknown-fields'];
  if (xSpec['x-kubernetes-validations']?.length)
    spec['x-kubernetes-validations'] = xSpec['x-kubernetes-validations'];
  if (xSpec.oneOf?.length) spec.oneOf = xSpec.oneOf;
  Object.assign(spec.properties, xSpec.properties ?? {});

  const status = { type: 'object', properties: {} };
  if (xStatus.description) status.description = xStatus.description;
  if (xStatus.required?.length) status.required = [...xStatus.required];
  if (xStatus['x-kubernetes-validations']?.length)
    status['x-kubernetes-validations'] = xStatus['x-kubernetes-validations'];
  if (xStatus.oneOf?.length) status.oneOf = xStatus.oneOf;
  Object.assign(status.properties, xStatus.properties ?? {});

  const openAPIV3Schema = {
    ...(s.description ? { description: s.description } : {}),
    type: 'object',
    required: ['spec'],
    properties: {
      apiVersion: { ...str },
      kind: { ...str },
      metadata: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
            maxLength:
              oldMax !== undefined && oldMax < maxNameLength
                ? oldMax
                : maxNameLength,
          },
        },
      },
      spec,
      status,
    },
  };
  const out = { name: vr.name, served: vr.served, storage: vr.referenceable };
  if (vr.deprecated) out.deprecated = true;
  if (vr.deprecationWarning) out.deprecationWarning = vr.deprecationWarning;
  out.additionalPrinterColumns = [...(vr.additionalPrinterColumns ?? [])];
  out.schema = { openAPIV3Schema };
  out.subresources = { status: {} };
  return out;
}

function crdMetadata(name, xrd, sourceRel) {
  const labels = {
    ...(xrd.metadata?.labels ?? {}),
    ...(xrd.spec.metadata?.labels ?? {}),
  };
  const annotations = {
    ...(xrd.spec.metadata?.annotations ?? {}),
    'platform.paved.dev/generated-from': sourceRel,
  };
  return {
    name,
    ...(Object.keys(labels).length ? { labels } : {}),
    annotations,
  };
}

function validate(file, xrd, scope) {
  const { spec } = xrd;
  if (!spec?.group || !spec?.names?.kind || !spec?.names?.plural)
    fail(
      file,
      'spec.group, spec.names.kind and spec.names.plural are required',
    );
  if (`${spec.names.plural}.${spec.group}` !== xrd.metadata?.name)
    fail(file, `metadata.name must be ${spec.names.plural}.${spec.group}`);
  if (!Array.isArray(spec.versions) || spec.versions.length === 0)
    fail(file, 'spec.versions is empty');
  if (spec.versions.filter(v => v.referenceable).length !== 1)
    fail(file, 'exactly one version must be referenceable');
  if (spec.claimNames) {
    if (scope !== 'LegacyCluster')
      fail(file, 'claimNames are only supported by v1 (LegacyCluster) XRDs');
    const c = spec.claimNames;
    if (!c.kind || !c.plural)
      fail(file, 'spec.claimNames.kind and .plural are required');
    for (const k of ['kind', 'plural', 'singular', 'listKind']) {
      if (c[k] && c[k] === spec.names[k])
        fail(
          file,
          `claimNames.${k} ${JSON.stringify(
            c[k],
          )} conflicts with composite resource name`,
        );
    }
  }
}

function withCategory(names, category) {
  return { ...names, categories: [...(names.categories ?? []), category] };
}

/** Returns [compositeCRD, claimCRD?] for one XRD object. */
export function crdsForXrd(xrd, file) {
  const v1 = xrd.apiVersion === 'apiextensions.crossplane.io/v1';
  // v1 XRDs are always LegacyCluster; v2 XRDs default to Namespaced.
  const scope = v1 ? 'LegacyCluster' : xrd.spec?.scope ?? 'Namespaced';
  validate(file, xrd, scope);
  const sourceRel = relative(repoRoot, file);
  const { spec } = xrd;

  const composite = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: crdMetadata(xrd.metadata.name, xrd, sourceRel),
    spec: {
      group: spec.group,
      names: withCategory(spec.names, 'composite'),
      scope: scope === 'Namespaced' ? 'Namespaced' : 'Cluster',
      versions: spec.versions.map(vr => {
        const v = genVersion(file, vr, 63);
        v.additionalPrinterColumns.push(...compositeColumns(scope));
        Object.assign(
          v.schema.openAPIV3Schema.properties.spec.properties,
          compositeSpecProps(scope, spec.defaultCompositionUpdatePolicy),
        );
        Object.assign(
          v.schema.openAPIV3Schema.properties.status.properties,
          statusProps(scope),
        );
        return v;
      }),
      ...(spec.conversion ? { conversion: spec.conversion } : {}),
    },
  };
  const out = [composite];

  if (spec.claimNames) {
    const claim = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: crdMetadata(
        `${spec.claimNames.plural}.${spec.group}`,
        xrd,
        sourceRel,
      ),
      spec: {
        group: spec.group,
        names: withCategory(spec.claimNames, 'claim'),
        scope: 'Namespaced',
        versions: spec.versions.map(vr => {
          const v = genVersion(file, vr, 63);
          v.additionalPrinterColumns.push(...claimColumns());
          Object.assign(
            v.schema.openAPIV3Schema.properties.spec.properties,
            claimSpecProps(spec.defaultCompositeDeletePolicy),
          );
          // Crossplane gives claims the LegacyCluster status fields (including claimConditionTypes).
          Object.assign(
            v.schema.openAPIV3Schema.properties.status.properties,
            statusProps('LegacyCluster'),
          );
          return v;
        }),
        ...(spec.conversion ? { conversion: spec.conversion } : {}),
      },
    };
    out.push(claim);
  }
  return out.map(sortProperties);
}

/** Sorts the keys of every `properties` map, as the API server returns them; keeps the rest as is. */
function sortProperties(node) {
  if (Array.isArray(node)) return node.map(sortProperties);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(
        Object.keys(v)
          .sort()
          .map(p => [p, sortProperties(v[p])]),
      );
    } else {
      out[k] = sortProperties(v);
    }
  }
  return out;
}

async function loadYaml() {
  try {
    return (await import('yaml')).default;
  } catch {
    throw new Error(
      "the 'yaml' package is missing: run `yarn install` at the repository root first",
    );
  }
}

export async function generate(files) {
  const YAML = await loadYaml();
  const results = new Map(); // output path -> content
  for (const file of files) {
    const rel = relative(repoRoot, file);
    const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8'));
    for (const doc of docs) {
      if (doc.errors.length) fail(file, doc.errors[0].message);
      const xrd = doc.toJS();
      if (!xrd || xrd.kind !== 'CompositeResourceDefinition') continue;
      for (const crd of crdsForXrd(xrd, file)) {
        const header = `# generated by ${GENERATOR} from ${rel}; do not edit.\n# Edit the XRD and run: node ${GENERATOR}\n`;
        results.set(
          join(OUT_DIR, `${crd.metadata.name}.yaml`),
          `${header}---\n${toYaml(crd)}`,
        );
      }
    }
  }
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const explicit = args.filter(a => !a.startsWith('--')).map(a => resolve(a));
  const files = explicit.length
    ? explicit
    : readdirSync(XRD_DIR)
        .filter(f => /\.ya?ml$/.test(f))
        .sort()
        .map(f => join(XRD_DIR, f));
  const results = await generate(files);

  // Files generated earlier from an XRD that no longer exists.
  const stale =
    !explicit.length && existsSync(OUT_DIR)
      ? readdirSync(OUT_DIR)
          .filter(f => f.endsWith('.yaml') && !results.has(join(OUT_DIR, f)))
          .map(f => join(OUT_DIR, f))
      : [];

  if (check) {
    const problems = [];
    for (const [path, content] of results) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content)
        problems.push(relative(repoRoot, path));
    }
    problems.push(...stale.map(p => `${relative(repoRoot, p)} (no XRD)`));
    if (problems.length) {
      console.error(
        `generated CRDs are out of date:\n  ${problems.join(
          '\n  ',
        )}\nRun: node ${GENERATOR}`,
      );
      process.exit(1);
    }
    console.error(`generated CRDs are up to date (${results.size} files)`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [path, content] of results) {
    writeFileSync(path, content);
    console.error(`wrote ${relative(repoRoot, path)}`);
  }
  for (const p of stale) {
    rmSync(p);
    console.error(`removed ${relative(repoRoot, p)} (its XRD is gone)`);
  }
  if (!results.size)
    console.error(
      `no CompositeResourceDefinitions found in ${files
        .map(f => basename(f))
        .join(', ')}`,
    );
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  main().catch(e => {
    console.error(e.message);
    process.exit(1);
  });
}
