import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';

const adoptionPage = PageBlueprint.make({
  params: {
    path: '/adoption',
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
  extensions: [adoptionPage],
});
