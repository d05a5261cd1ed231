import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { Entity } from '@backstage/catalog-model';
import MoneyIcon from '@material-ui/icons/AttachMoney';

// A route ref puts the page in the sidebar.
const costsRouteRef = createRouteRef();

const costsPage = PageBlueprint.make({
  params: {
    path: '/costs',
    routeRef: costsRouteRef,
    title: 'Costs',
    icon: <MoneyIcon />,
    loader: async () => {
      const { CostsPage } = await import('./components/CostsPage');
      return <CostsPage />;
    },
  },
});

const costCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: (entity: Entity) =>
      entity.kind === 'Component' && entity.spec?.type === 'service',
    loader: async () => {
      const { CostCard } = await import('./components/CostCard');
      return <CostCard />;
    },
  },
});

const teamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    filter: (entity: Entity) => entity.kind === 'Group',
    loader: async () => {
      const { TeamCostCard } = await import('./components/TeamCostCard');
      return <TeamCostCard />;
    },
  },
});

/** `ui:field: DatabasePrice` in a template: the monthly price of the database being chosen. */
const databasePriceField = FormFieldBlueprint.make({
  name: 'database-price',
  params: {
    field: async () => {
      const { DatabasePriceField } = await import(
        './components/DatabasePriceField'
      );
      return createFormField({
        name: 'DatabasePrice',
        component: DatabasePriceField as any,
      });
    },
  },
});

/** Paved's costs: a card on services and teams, the Costs page, and prices in the Create form. */
export const workloadCostPlugin = createFrontendPlugin({
  pluginId: 'workload-cost',
  routes: { root: costsRouteRef },
  extensions: [costsPage, costCard, teamCostCard, databasePriceField],
});
