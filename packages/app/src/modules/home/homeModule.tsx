import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

const layout = HomePageLayoutBlueprint.make({
  params: { loader: async () => (await import('./HomeLayout')).HomeLayout },
});

const teamServices = HomePageWidgetBlueprint.make({
  name: 'team-services',
  params: {
    name: 'TeamServices',
    title: "Your team's services",
    components: async () => ({
      Content: (await import('./TeamServicesCard')).TeamServicesCard,
    }),
  },
});

const goldenPaths = HomePageWidgetBlueprint.make({
  name: 'golden-paths',
  params: {
    name: 'GoldenPaths',
    title: 'Golden paths',
    components: async () => ({
      Content: (await import('./GoldenPathsCard')).GoldenPathsCard,
    }),
  },
});

const quickLinks = HomePageWidgetBlueprint.make({
  name: 'quick-links',
  params: {
    name: 'QuickLinks',
    title: 'Find your way',
    components: async () => ({
      Content: (await import('./QuickLinksCard')).QuickLinksCard,
    }),
  },
});

/** Paved's home page: the golden path hero, the team's services and links. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [layout, teamServices, goldenPaths, quickLinks],
});
