import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import { rootRouteRef } from './routes';
import { surveyPromptElement } from './components/SurveyPrompt/extension';

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

const teamCard = EntityCardBlueprint.make({
  name: 'team-adoption',
  params: {
    filter: (entity: Entity) => entity.kind === 'Group',
    loader: async () => {
      const { TeamCard } = await import('./components/TeamCard');
      return <TeamCard />;
    },
  },
});

/** The Adoption page: golden-path adoption and DORA, per team, each number with its source. */
export const adoptionMetricsPlugin = createFrontendPlugin({
  pluginId: 'adoption-metrics',
  routes: { root: rootRouteRef },
  extensions: [adoptionPage, deliveryCard, teamCard, surveyPromptElement],
});
