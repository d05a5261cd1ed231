// What Paved's Helm chart grants on Kubernetes (charts/paved/rbac-rules.json, the one list the chart
// renders), as RBAC policy rules for the tests: code that talks to the cluster is tested with the
// chart's least privilege, so a verb the chart lacks fails a test instead of a production install.
import fs from 'node:fs';
import path from 'node:path';
import type { V1PolicyRule } from '@kubernetes/client-node';

// This package runs in Jest from the repository only (never bundled), as cluster.ts does.
const rulesFile = path.resolve(
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '../../../charts/paved/rbac-rules.json',
);

type ChartRule = V1PolicyRule & { why?: string; when?: string };

function read(): { clusterRole: ChartRule[]; argocdRole: ChartRule[] } {
  return JSON.parse(fs.readFileSync(rulesFile, 'utf8'));
}

function policyRules(rules: ChartRule[]): V1PolicyRule[] {
  return rules.map(({ apiGroups, resources, verbs }) => ({
    apiGroups,
    resources,
    verbs,
  }));
}

/**
 * The ClusterRole's rules for a delivery mode: `gitops` (the chart's default: reads only) or
 * `kubernetes` (the golden path's writes too).
 */
export function chartClusterRules(
  delivery: 'gitops' | 'kubernetes' = 'gitops',
): V1PolicyRule[] {
  return policyRules(
    read().clusterRole.filter(
      rule =>
        !rule.when ||
        (rule.when === 'kubernetesDelivery' && delivery === 'kubernetes'),
    ),
  );
}

/** The Role the chart makes in Argo CD's namespace (kubernetes delivery). */
export function chartArgocdRules(): V1PolicyRule[] {
  return policyRules(read().argocdRole);
}
