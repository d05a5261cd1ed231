import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CallSplitIcon from '@material-ui/icons/CallSplit';

// A route ref makes the page show up in the sidebar.
const rootRouteRef = createRouteRef();

const repositoriesPage = PageBlueprint.make({
  params: {
    path: '/git',
    routeRef: rootRouteRef,
    title: 'Repositories',
    icon: <CallSplitIcon />,
    loader: async () => {
      const { RepositoriesRouter } = await import('./RepositoriesRouter');
      return <RepositoriesRouter />;
    },
  },
});

/** The embedded git host's repositories: what the golden path's "Repository" link opens. */
export const repositoriesPlugin = createFrontendPlugin({
  pluginId: 'git-host',
  routes: { root: rootRouteRef },
  extensions: [repositoriesPage],
});
