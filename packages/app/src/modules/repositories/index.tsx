import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CallSplitIcon from '@material-ui/icons/CallSplit';

const repositoriesPage = PageBlueprint.make({
  params: {
    path: '/git',
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
  extensions: [repositoriesPage],
});
