import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

const repositoriesPage = PageBlueprint.make({
  params: {
    path: '/git',
    title: 'Repositories',
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
