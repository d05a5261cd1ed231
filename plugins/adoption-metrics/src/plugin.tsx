import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';

// A route ref makes the page show up in the sidebar.
const rootRouteRef = createRouteRef();

const adoptionPage = PageBlueprint.make({
  params: {
    path: '/adoption',
    routeRef: rootRouteRef,
    title: 'Adoption',
    icon: <TrendingUpIcon />,
    loader: async () => {
      const { AdoptionPage } = await import('./components/AdoptionPage');
      return <AdoptionPage />;
    },
  },
});

const deliveryCard = EntityCardBlueprint.make({
  name: 'delivery',
  params: {
    filter: (entity: Entity) =>
      entity.kind === 'Component' && entity.spec?.type === 'service',
    loader: async () => {
      const { DeliveryCard } = await import('./components/DeliveryCard');
      return <DeliveryCard />;
    },
  },
});

/** The Adoption page: golden-path adoption and DORA, per team, each number with its source. */
export const adoptionMetricsPlugin = createFrontendPlugin({
  pluginId: 'adoption-metrics',
  routes: { root: rootRouteRef },
  extensions: [adoptionPage, deliveryCard],
});
