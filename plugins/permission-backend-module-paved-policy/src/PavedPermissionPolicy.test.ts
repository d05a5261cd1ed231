import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
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
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
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
  gitHostRepositoryCreatePermission,
  gitHostRepositoryPushPermission,
  goldenPathComponentChangePermission,
  goldenPathServiceCreatePermission,
  schedulerTaskTriggerPermission,
} from '@internal/plugin-paved-common';
import { workloadCostReadPermission } from '@internal/plugin-workload-cost-common';
import { PavedPermissionsConfig } from './config';
import { PavedPermissionPolicy } from './PavedPermissionPolicy';
import { TeamTree } from './TeamTree';
import {
  exampleOrganisation,
  exampleUserInfo,
  userCredentials,
} from './__testUtils__/exampleOrganisation';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const group = (name: string) => `group:default/${name}`;
const user = (name: string) => `user:default/${name}`;

const ownedBy = (...claims: string[]): PolicyDecision => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims },
  },
});

// The expected decision as plain data: its conditions are checked by toEqual, not by the types
// (which want a non-empty tuple of typed conditions).
const isGroup = (...names: string[]): PolicyDecision =>
  ({
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      anyOf: names.map(name => ({
        allOf: [
          {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['group'] },
          },
          {
            rule: 'HAS_METADATA',
            resourceType: 'catalog-entity',
            params: { key: 'namespace', value: 'default' },
          },
          {
            rule: 'HAS_METADATA',
            resourceType: 'catalog-entity',
            params: { key: 'name', value: name },
          },
        ],
      })),
    },
  } as unknown as PolicyDecision);

const taskOf = (name: string): PolicyDecision => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'scaffolder',
  resourceType: 'scaffolder-task',
  conditions: {
    rule: 'IS_TASK_OWNER',
    resourceType: 'scaffolder-task',
    params: { createdBy: [user(name)] },
  },
});

const notAutomationOnly = {
  not: {
    rule: 'IS_AUTOMATION_ONLY',
    resourceType: 'git-host-repository',
    params: {},
  },
};
const pushTo = (...owners: string[]): PolicyDecision => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'git-host',
  resourceType: 'git-host-repository',
  conditions: {
    allOf: [
      {
        rule: 'HAS_OWNER',
        resourceType: 'git-host-repository',
        params: { owners },
      },
      notAutomationOnly,
    ],
  },
});
const pushAnywhereButAutomation: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'git-host',
  resourceType: 'git-host-repository',
  conditions: notAutomationOnly,
};

const adoptionUsageRecord = createPermission({
  name: 'adoption.usage.record',
  attributes: { action: 'create' },
});
const adoptionSurveyAnswer = createPermission({
  name: 'adoption.survey.answer',
  attributes: { action: 'create' },
});
const unknownPermission = createPermission({
  name: 'someone-elses-plugin.thing.delete',
  attributes: { action: 'delete' },
});

// A checkout developer, a payments developer, a platform engineer and the demo guest (checkout).
const people = ['kwame.mensah', 'fatima.haddad', 'priya.raman', 'guest'];
type Row = [
  Permission,
  PolicyDecision,
  PolicyDecision,
  PolicyDecision,
  PolicyDecision,
];

// prettier-ignore
const table: Row[] = [
  // permission                           kwame (checkout)                  fatima (payments)                   priya (platform) guest (checkout)
  [goldenPathServiceCreatePermission,     isGroup('checkout'),              isGroup('payments'),                ALLOW, isGroup('checkout')],
  [goldenPathComponentChangePermission,   ownedBy(group('checkout'), user('kwame.mensah')), ownedBy(group('payments'), user('fatima.haddad')), ALLOW, ownedBy(group('checkout'), user('guest'))],
  [catalogEntityDeletePermission,         ownedBy(group('checkout'), user('kwame.mensah')), ownedBy(group('payments'), user('fatima.haddad')), ALLOW, ownedBy(group('checkout'), user('guest'))],
  [gitHostRepositoryCreatePermission,     DENY, DENY, DENY, DENY],
  [gitHostRepositoryPushPermission,       pushTo('checkout'), pushTo('payments'), pushAnywhereButAutomation, pushTo('checkout')],
  [catalogEntityReadPermission,           ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogEntityRefreshPermission,        ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogEntityValidatePermission,       ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogLocationReadPermission,         ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogLocationAnalyzePermission,      ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogIngestionReadPermission,        ALLOW, ALLOW, ALLOW, ALLOW],
  [catalogEntityCreatePermission,         DENY, DENY, ALLOW, DENY],
  [catalogLocationCreatePermission,       DENY, DENY, ALLOW, DENY],
  [catalogLocationDeletePermission,       DENY, DENY, ALLOW, DENY],
  [catalogIngestionManagePermission,      DENY, DENY, ALLOW, DENY],
  [templateParameterReadPermission,       ALLOW, ALLOW, ALLOW, ALLOW],
  [templateStepReadPermission,            ALLOW, ALLOW, ALLOW, ALLOW],
  [actionExecutePermission,               ALLOW, ALLOW, ALLOW, ALLOW],
  [taskCreatePermission,                  ALLOW, ALLOW, ALLOW, ALLOW],
  [taskReadPermission,                    taskOf('kwame.mensah'), taskOf('fatima.haddad'), ALLOW, taskOf('guest')],
  [taskCancelPermission,                  taskOf('kwame.mensah'), taskOf('fatima.haddad'), ALLOW, taskOf('guest')],
  [templateDryRunPermission,              DENY, DENY, ALLOW, DENY],
  [templateManagementPermission,          DENY, DENY, ALLOW, DENY],
  [kubernetesResourcesReadPermission,     ALLOW, ALLOW, ALLOW, ALLOW],
  [kubernetesClustersReadPermission,      ALLOW, ALLOW, ALLOW, ALLOW],
  [kubernetesProxyPermission,             DENY, DENY, ALLOW, DENY],
  [schedulerTaskTriggerPermission,        DENY, DENY, ALLOW, DENY],
  [adoptionMetricsReadPermission,         ALLOW, ALLOW, ALLOW, ALLOW],
  [workloadCostReadPermission,            ALLOW, ALLOW, ALLOW, ALLOW],
  [adoptionUsageRecord,                   ALLOW, ALLOW, ALLOW, ALLOW],
  [adoptionSurveyAnswer,                  ALLOW, ALLOW, ALLOW, ALLOW],
  [unknownPermission,                     DENY, DENY, DENY, DENY],
];

function makePolicy(
  options: {
    entities?: Entity[];
    config?: Partial<PavedPermissionsConfig>;
  } = {},
) {
  const entities = options.entities ?? exampleOrganisation();
  const auditor = mockServices.auditor.mock();
  const policy = new PavedPermissionPolicy({
    config: { platformTeam: group('platform'), ...options.config },
    teams: new TeamTree({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    userInfo: exampleUserInfo(entities),
    auditor,
  });
  return { policy, auditor };
}

describe('PavedPermissionPolicy, for the example organisation', () => {
  const { policy } = makePolicy();

  describe.each(people.map((name, column) => [name, column] as const))(
    '%s',
    (name, column) => {
      it.each(
        table.map(row => [row[0].name, row[0], row[column + 1]] as const),
      )('%s', async (_, permission, expected) => {
        const decision = await policy.handle(
          { permission },
          { credentials: userCredentials(name), info: {} as any },
        );
        expect(decision).toEqual(expected);
      });
    },
  );
});

describe('PavedPermissionPolicy', () => {
  it('lets a team act for its sub-teams, and not the other way round', async () => {
    const entities = [
      ...exampleOrganisation(),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'checkout-mobile' },
        spec: { type: 'team', parent: 'checkout', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'mo.bile' },
        spec: { memberOf: ['checkout-mobile'] },
      },
    ];
    const { policy } = makePolicy({ entities });
    const ask = (name: string) =>
      policy.handle(
        { permission: goldenPathServiceCreatePermission },
        { credentials: userCredentials(name), info: {} as any },
      );
    expect(await ask('kwame.mensah')).toEqual(
      isGroup('checkout', 'checkout-mobile'),
    );
    expect(await ask('mo.bile')).toEqual(isGroup('checkout-mobile'));
  });

  it('opens adoption and cost views to the configured viewers and the platform team only', async () => {
    const { policy } = makePolicy({
      config: { viewers: [group('payments')] },
    });
    const ask = async (name: string) =>
      (
        await Promise.all(
          [adoptionMetricsReadPermission, workloadCostReadPermission].map(
            permission =>
              policy.handle(
                { permission },
                { credentials: userCredentials(name), info: {} as any },
              ),
          ),
        )
      ).map(d => d.result);
    expect(await ask('fatima.haddad')).toEqual([ALLOW.result, ALLOW.result]);
    expect(await ask('priya.raman')).toEqual([ALLOW.result, ALLOW.result]);
    expect(await ask('kwame.mensah')).toEqual([DENY.result, DENY.result]);
  });

  it('treats a configured platform team as the platform team', async () => {
    const { policy } = makePolicy({
      config: { platformTeam: group('payments') },
    });
    const ask = (name: string) =>
      policy.handle(
        { permission: kubernetesProxyPermission },
        { credentials: userCredentials(name), info: {} as any },
      );
    expect(await ask('fatima.haddad')).toEqual(ALLOW);
    expect(await ask('priya.raman')).toEqual(DENY);
  });

  it('refuses a person who acts for no team anything team-bound', async () => {
    const entities = [
      ...exampleOrganisation(),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'no.team' },
        spec: { memberOf: [] },
      },
    ];
    const { policy } = makePolicy({ entities });
    for (const permission of [
      goldenPathServiceCreatePermission,
      gitHostRepositoryPushPermission,
    ]) {
      expect(
        await policy.handle(
          { permission },
          { credentials: userCredentials('no.team'), info: {} as any },
        ),
      ).toEqual(DENY);
    }
  });

  it('refuses a caller who is not a user', async () => {
    const { policy } = makePolicy();
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }),
    ).toEqual(DENY);
  });

  it('records every refusal with who and which permission, and nothing for an allow', async () => {
    const { policy, auditor } = makePolicy();
    const credentials = userCredentials('kwame.mensah');
    await policy.handle(
      { permission: catalogEntityReadPermission },
      { credentials, info: {} as any },
    );
    expect(auditor.createEvent).not.toHaveBeenCalled();

    await policy.handle(
      { permission: kubernetesProxyPermission },
      { credentials, info: {} as any },
    );
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'policy-deny',
      severityLevel: 'medium',
      meta: {
        principal: 'user:default/kwame.mensah',
        permission: 'kubernetes.proxy',
      },
    });
  });
});
