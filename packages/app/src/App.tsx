import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { brandModule } from './modules/app';
import { repositoriesPlugin } from './modules/repositories';
import { analyticsModule } from './modules/analytics';
import { goldenPathFormModule } from './modules/goldenPath';
import adoptionMetricsPlugin from '@internal/plugin-adoption-metrics';
import workloadCostPlugin from '@internal/plugin-workload-cost';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    brandModule,
    repositoriesPlugin,
    adoptionMetricsPlugin,
    workloadCostPlugin,
    analyticsModule,
    goldenPathFormModule,
  ],
});
