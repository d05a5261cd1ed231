// What the golden-path actions share, built once in module.ts. Tests build it from fakes.
import {
  AuditorService,
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GoldenPathConfig } from '../config/goldenPathConfig';
import { GitOpsRepository } from '../gitops/GitOpsRepository';
import { ManifestDelivery } from '../gitops/ManifestDelivery';
import { RepositoryHost } from '../scm/RepositoryHost';

export interface GoldenPathServices {
  config: GoldenPathConfig;
  repositories: RepositoryHost;
  gitops: GitOpsRepository;
  delivery: ManifestDelivery;
  catalog: CatalogService;
  /** The golden path's own service credentials, for catalog registration. */
  auth: AuthService;
  /** Decides for the task's user (golden-path.service.create, golden-path.component.change). */
  permissions: PermissionsService;
  /** Records every side effect and every refusal. */
  auditor: AuditorService;
}
