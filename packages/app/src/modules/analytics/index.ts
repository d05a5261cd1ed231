// The portal's Analytics API events go to the adoption-metrics backend (portal DAU, what is
// used). The app plugin's analytics API (api:app/analytics) sends every event to each
// implementation attached to it, so this adds to other analytics tools rather than replacing them.
import { coreApis, createFrontendModule } from '@backstage/frontend-plugin-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { AdoptionAnalytics } from '@internal/plugin-adoption-metrics';

export const adoptionAnalytics = AnalyticsImplementationBlueprint.make({
  name: 'adoption-metrics',
  params: define =>
    define({
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new AdoptionAnalytics({ discoveryApi, fetchApi }),
    }),
});

export const analyticsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [adoptionAnalytics],
});
