// GoldenPathServices for tests: the shipped configuration, a local git host, the example
// organisation's catalog (catalogServiceMock) and, for kubernetes mode, a given applier.
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GoldenPathServices } from '../actions/GoldenPathServices';
import { GitOpsRepository } from '../gitops/GitOpsRepository';
import { ManifestDelivery } from '../gitops/ManifestDelivery';
import { ManifestApplier } from '@internal/plugin-kubernetes-access-node';
import { goldenPathConfig } from './goldenPathConfigFixture';
import { LocalRepositoryHost } from './LocalRepositoryHost';

export const checkoutTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const existingService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/checkout',
  },
};

const unusedApplier: ManifestApplier = {
  apply: async () => {
    throw new Error('kubernetes mode is not used in this test');
  },
  get: async () => {
    throw new Error('kubernetes mode is not used in this test');
  },
};

export function testServices(
  options: {
    overrides?: Record<string, unknown>;
    applier?: ManifestApplier;
    entities?: Entity[];
    permissions?: PermissionsService;
    auditor?: AuditorService;
  } = {},
) {
  const config = goldenPathConfig(options.overrides);
  const repositories = new LocalRepositoryHost();
  const gitops = new GitOpsRepository(repositories, config);
  const catalog = catalogServiceMock({
    entities: options.entities ?? [checkoutTeam, existingService],
  });
  const services: GoldenPathServices = {
    config,
    repositories,
    gitops,
    delivery: new ManifestDelivery(
      config.delivery.mode,
      gitops,
      options.applier ?? unusedApplier,
    ),
    catalog,
    auth: mockServices.auth(),
    permissions: options.permissions ?? mockServices.permissions(),
    auditor: options.auditor ?? mockServices.auditor.mock(),
  };
  return { services, repositories, gitops, catalog, config };
}
