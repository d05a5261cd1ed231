// The plugin as the backend runs it, on a given database, with a catalog of three people in two
// teams: for the usage and survey route tests.
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { adoptionMetricsPlugin } from '../../plugin';

const user = (name: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});

export const people = [
  user('alice', 'checkout'),
  user('bob', 'payments'),
  user('carol', 'checkout'),
];

export async function startPeopleBackend(options: {
  knex: Knex;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Permissions the policy denies while allowing the others. */
  deny?: string[];
  config?: Record<string, any>;
}): Promise<TestBackend['server']> {
  const permissions = options.deny
    ? mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result: options.deny!.includes(r.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          })),
      }).factory
    : mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      });
  const { server } = await startTestBackend({
    features: [
      adoptionMetricsPlugin,
      catalogServiceMock.factory({ entities: people }),
      mockServices.database.factory({ knex: options.knex }),
      permissions,
      mockServices.rootConfig.factory({
        data: { adoptionMetrics: options.config ?? {} },
      }),
    ],
  });
  return server;
}
