// The decision table: one entry per permission name. A name that is not here is DENIED, so a
// new plugin's permission is closed until someone decides who holds it (README.md, "Adding a
// permission").
import { parseEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { adoptionMetricsReadPermission } from '@internal/plugin-adoption-metrics-common';
import {
  CATALOG_ENTITY_RESOURCE_TYPE,
  gitHostRepositoryCreatePermission,
  gitHostRepositoryPushPermission,
  goldenPathComponentChangePermission,
  goldenPathServiceCreatePermission,
  schedulerTaskTriggerPermission,
} from '@internal/plugin-paved-common';
import { workloadCostReadPermission } from '@internal/plugin-workload-cost-common';
import { pushDecision } from './gitHostConditions';
import { Person } from './Person';

type Decide = (permission: Permission, person: Person) => PolicyDecision;

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const everyone: Decide = () => ALLOW;
const nobody: Decide = () => DENY;
const platformOnly: Decide = (_, person) => (person.isPlatform ? ALLOW : DENY);
const viewers: Decide = (_, person) =>
  person.isPlatform || person.isViewer ? ALLOW : DENY;

/** Entities owned by a team the person may act for, or by the person. */
const entityOwners: Decide = (permission, person) => {
  if (person.isPlatform) return ALLOW;
  if (!isResourcePermission(permission, CATALOG_ENTITY_RESOURCE_TYPE)) {
    return DENY;
  }
  return createCatalogConditionalDecision(
    permission,
    catalogConditions.isEntityOwner({
      claims: [...person.mayActFor, person.userEntityRef],
    }),
  );
};

/** The resource is a Group: one of the teams the person may act for. */
const teamsActedFor: Decide = (permission, person) => {
  if (person.isPlatform) return ALLOW;
  if (
    !isResourcePermission(permission, CATALOG_ENTITY_RESOURCE_TYPE) ||
    person.mayActFor.length === 0
  ) {
    return DENY;
  }
  const [first, ...rest] = person.mayActFor.map(
    (ref): PermissionCriteria<PermissionCondition<'catalog-entity'>> => {
      const { namespace, name } = parseEntityRef(ref);
      return {
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['group'] }),
          catalogConditions.hasMetadata({ key: 'namespace', value: namespace }),
          catalogConditions.hasMetadata({ key: 'name', value: name }),
        ],
      };
    },
  );
  return createCatalogConditionalDecision(permission, {
    anyOf: [first, ...rest],
  });
};

/** Scaffolder tasks the person started. */
const taskCreator: Decide = (permission, person) => {
  if (person.isPlatform) return ALLOW;
  if (!isResourcePermission(permission, 'scaffolder-task')) return DENY;
  return createScaffolderTaskConditionalDecision(
    permission,
    scaffolderTaskConditions.isTaskOwner({
      createdBy: [person.userEntityRef],
    }),
  );
};

export const decisions: ReadonlyMap<string, Decide> = new Map<string, Decide>([
  // Paved's golden path
  [goldenPathServiceCreatePermission.name, teamsActedFor],
  [goldenPathComponentChangePermission.name, entityOwners],

  // any plugin's scheduled tasks (collector passes, catalog providers) run or cancelled now
  [schedulerTaskTriggerPermission.name, platformOnly],

  // the embedded git host: repositories are made by the golden path's service credentials only
  [gitHostRepositoryCreatePermission.name, nobody],
  [gitHostRepositoryPushPermission.name, pushDecision],

  // catalog: everyone reads; registration goes through the golden path or the platform team
  [catalogEntityReadPermission.name, everyone],
  [catalogEntityRefreshPermission.name, everyone],
  [catalogEntityValidatePermission.name, everyone],
  [catalogLocationReadPermission.name, everyone],
  [catalogLocationAnalyzePermission.name, everyone],
  [catalogEntityCreatePermission.name, platformOnly],
  [catalogLocationCreatePermission.name, platformOnly],
  [catalogLocationDeletePermission.name, platformOnly],
  [catalogEntityDeletePermission.name, entityOwners],
  [catalogIngestionReadPermission.name, everyone],
  [catalogIngestionManagePermission.name, platformOnly],

  // scaffolder: run templates, see and cancel your own tasks
  [templateParameterReadPermission.name, everyone],
  [templateStepReadPermission.name, everyone],
  [actionExecutePermission.name, everyone],
  [taskCreatePermission.name, everyone],
  [taskReadPermission.name, taskCreator],
  [taskCancelPermission.name, taskCreator],
  [templateDryRunPermission.name, platformOnly],
  [templateManagementPermission.name, platformOnly],

  // kubernetes: the proxy carries the cluster's service-account token
  [kubernetesResourcesReadPermission.name, everyone],
  [kubernetesClustersReadPermission.name, everyone],
  [kubernetesProxyPermission.name, platformOnly],

  // adoption and costs
  [adoptionMetricsReadPermission.name, viewers],
  [workloadCostReadPermission.name, viewers],
  ['adoption.usage.record', everyone],
  ['adoption.survey.answer', everyone],
]);

/** The decision for a person; a permission nobody listed is DENIED. */
export function decide(permission: Permission, person: Person): PolicyDecision {
  return (decisions.get(permission.name) ?? nobody)(permission, person);
}
