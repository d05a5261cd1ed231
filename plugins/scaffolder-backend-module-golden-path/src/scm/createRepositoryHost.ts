// Picks the repository host from `paved.goldenPath.scm`.
import {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { GoldenPathConfig } from '../config/goldenPathConfig';
import { EmbeddedRepositoryHost } from './EmbeddedRepositoryHost';
import { IntegrationRepositoryHost } from './IntegrationRepositoryHost';
import { RepositoryHost } from './RepositoryHost';

export async function createRepositoryHost(deps: {
  goldenPath: GoldenPathConfig;
  config: RootConfigService;
  discovery: DiscoveryService;
  auth: AuthService;
}): Promise<RepositoryHost> {
  const { scm } = deps.goldenPath;
  if (scm.provider === 'embedded') {
    return new EmbeddedRepositoryHost({
      discovery: deps.discovery,
      auth: deps.auth,
      externalBaseUrl: await deps.discovery.getExternalBaseUrl('git-host'),
      appBaseUrl: deps.config.getString('app.baseUrl'),
    });
  }
  return new IntegrationRepositoryHost({
    provider: scm.provider,
    host: scm.host!,
    organization: scm.organization!,
    integrations: ScmIntegrations.fromConfig(deps.config),
  });
}
