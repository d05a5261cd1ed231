import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';

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

/** The Adoption page: golden-path adoption and DORA, per team, each number with its source. */
export const adoptionMetricsPlugin = createFrontendPlugin({
  pluginId: 'adoption-metrics',
  routes: { root: rootRouteRef },
  extensions: [adoptionPage],
});
