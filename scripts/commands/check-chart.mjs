// `./paved check chart`: the Helm chart (charts/paved) as an API server reads it. Helm is built
// from its Go module once per machine (scripts/lib/helm.mjs). For the default values and for
// charts/paved/ci/production-values.yaml: `helm lint --strict`, then every object `helm template`
// renders is applied to the real kube-apiserver of the tests with server-side dry run and strict
// field validation (an unknown or misspelt field fails), in a namespace made for the check.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { kubeClient } from '../../k8s/scripts/lib/kube-client.mjs';
import { ensureHelm } from '../lib/helm.mjs';
import { kubernetesForTests } from '../lib/kubernetes.mjs';
import { repoRoot } from '../lib/paths.mjs';

const CHART = path.join(repoRoot, 'charts/paved');
const NAMESPACE = 'paved-chart-check';
const VALUE_SETS = [
  { name: 'default values', files: [] },
  {
    name: 'production values',
    files: [path.join(CHART, 'ci/production-values.yaml')],
  },
];

async function helm(binary, args) {
  try {
    const { stdout } = await promisify(execFile)(binary, args, {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    throw new Error(
      `helm ${args.join(' ')} failed:\n${error.stdout ?? ''}${
        error.stderr ?? ''
      }`,
    );
  }
}

function rendered(text) {
  return parseAllDocuments(text)
    .map(doc => doc.toJSON())
    .filter(object => object && object.kind);
}

/** Applies each object with dryRun=All and fieldValidation=Strict; resolves to "Kind/name" lines. */
async function dryRunApply(client, objects) {
  const applied = [];
  for (const object of objects) {
    const namespaced = { ...object, metadata: { ...object.metadata } };
    const { name } = namespaced.metadata;
    const query = new URLSearchParams({
      fieldManager: 'paved-chart-check',
      force: 'true',
      fieldValidation: 'Strict',
      dryRun: 'All',
    });
    try {
      const resource = await client.pathOf(namespaced);
      await client.request(
        'PATCH',
        `${resource.replace(
          /\/namespaces\/default\//,
          `/namespaces/${NAMESPACE}/`,
        )}?${query}`,
        { body: namespaced, contentType: 'application/apply-patch+yaml' },
      );
    } catch (error) {
      throw new Error(
        `the API server refused ${object.kind} ${name} (server-side dry run, strict fields): ${error.message}`,
      );
    }
    applied.push(`${object.kind}/${name}`);
  }
  return applied;
}

export async function checkChart(env) {
  const binary = await ensureHelm();
  const kubernetes = await kubernetesForTests(env);
  if (!kubernetes.kubeconfig)
    throw new Error(
      'the chart check needs a Kubernetes API server (Go builds the local one; or set KUBECONFIG)',
    );
  const client = await kubeClient(kubernetes.kubeconfig);
  try {
    for (const set of VALUE_SETS) {
      const valueArgs = set.files.flatMap(file => ['--values', file]);
      await helm(binary, ['lint', '--strict', CHART, ...valueArgs]);
      const objects = rendered(
        await helm(binary, [
          'template',
          'paved',
          CHART,
          '--namespace',
          NAMESPACE,
          ...valueArgs,
        ]),
      );
      // The namespaces the objects live in exist on a real cluster (argocd for the golden path's
      // Role, the release's own); a dry run into a missing namespace is refused for that alone.
      for (const name of new Set(
        [NAMESPACE, ...objects.map(o => o.metadata?.namespace)].filter(Boolean),
      ))
        await client.apply(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
          { fieldManager: 'paved-chart-check' },
        );
      const applied = await dryRunApply(client, objects);
      console.log(
        `${set.name}: helm lint --strict passed; ${
          applied.length
        } objects accepted by the API server (dry run, strict): ${applied.join(
          ', ',
        )}`,
      );
    }
  } finally {
    client.close();
    await kubernetes.stop();
  }
}

export default checkChart;
