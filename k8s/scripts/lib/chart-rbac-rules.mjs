// The Helm chart's RBAC rules (charts/paved/rbac-rules.json, the one place they are written), for
// what grants the portal access outside Helm (backstage-access.mjs) and for the chart check. The
// chart's templates/rbac.yaml reads the same file with .Files.Get.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './common.mjs';

export const CHART_RBAC_RULES_FILE = join(
  repoRoot,
  'charts',
  'paved',
  'rbac-rules.json',
);

const CONDITIONS = new Set(['kubernetesDelivery']);

/**
 * The rules of one role ('clusterRole' or 'argocdRole') as the chart renders them: with
 * `kubernetesDelivery` (goldenPath.delivery=kubernetes) the golden path's writes too. `why` keeps
 * each rule's reason (and `when`), which the API server would refuse as an unknown field.
 */
export function chartRbacRules(
  role,
  { kubernetesDelivery = false, why = false } = {},
) {
  const all = JSON.parse(readFileSync(CHART_RBAC_RULES_FILE, 'utf8'));
  if (!Array.isArray(all[role]))
    throw new Error(
      `${CHART_RBAC_RULES_FILE} has no "${role}" list of rules (it has ${Object.keys(
        all,
      ).join(', ')})`,
    );
  return all[role]
    .filter(rule => {
      if (rule.when !== undefined && !CONDITIONS.has(rule.when))
        throw new Error(
          `${CHART_RBAC_RULES_FILE}: a rule of ${role} has when ${JSON.stringify(
            rule.when,
          )}; the only condition is "kubernetesDelivery" (or no when: always)`,
        );
      return rule.when === undefined || kubernetesDelivery;
    })
    .map(({ why: reason, when, apiGroups, resources, verbs }) => ({
      ...(why ? { why: reason, ...(when ? { when } : {}) } : {}),
      apiGroups,
      resources,
      verbs,
    }));
}
