import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { RepositoryPage } from './RepositoryPage';
import { gitHostApis, repository } from './testGitHost';

const render = (routes: Record<string, unknown>, path: string) => {
  const gitHost = gitHostApis(routes);
  renderInTestApp(
    // The page's routes run under React Router's page adapter, as in RepositoriesRouter.
    <ReactRouterV6PageRouter>
      <RepositoryPage />
    </ReactRouterV6PageRouter>,
    {
      apis: gitHost.apis,
      mountPath: '/git/:owner/:name',
      initialRouteEntries: [path],
    },
  );
  return gitHost;
};

describe('RepositoryPage', () => {
  it('shows how to clone, the files and the README', async () => {
    render(
      {
        '/repositories/checkout/orders-api': repository,
        '/repositories/checkout/orders-api/tree?ref=main': {
          ref: 'main',
          commit: 'abc123',
          files: ['README.md', 'catalog-info.yaml', 'k8s/deployment.yaml'],
        },
        '/checkout/orders-api/raw/main/README.md':
          '# Orders API\n\nRuns the orders. See [the deployment](k8s/deployment.yaml), [the docs](docs/) and [this](javascript:alert(1)).',
      },
      '/git/checkout/orders-api',
    );
    // CodeSnippet and MarkdownContent load their renderers lazily (core-components 0.18.16);
    // the first load in a test file takes longer than findBy's default second on a busy machine.
    const lazyLoad = { timeout: 10_000 };
    expect(
      await screen.findByText(
        `git clone ${repository.cloneUrl}`,
        undefined,
        lazyLoad,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Takes orders')).toBeInTheDocument();
    expect(screen.getByText('Files on main')).toBeInTheDocument();
    // Files open in the portal, which reads them with the user's token.
    expect(
      screen.getByText('k8s/deployment.yaml').closest('a'),
    ).toHaveAttribute(
      'href',
      '/git/checkout/orders-api/files/k8s/deployment.yaml',
    );
    expect(
      await screen.findByText(/Runs the orders/, undefined, lazyLoad),
    ).toBeInTheDocument();
    // README links: files to the file page, folders to the repository, scripts nowhere.
    expect(screen.getByText('the deployment').closest('a')).toHaveAttribute(
      'href',
      '/git/checkout/orders-api/files/k8s/deployment.yaml',
    );
    expect(screen.getByText('the docs').closest('a')).toHaveAttribute(
      'href',
      '/git/checkout/orders-api',
    );
    expect(document.querySelector('a[href*="javascript"]')).toBeNull();
  });

  it('says when a repository does not exist', async () => {
    render({}, '/git/checkout/nope');
    expect(
      await screen.findByText('Repository checkout/nope does not exist'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See all repositories' }),
    ).toHaveAttribute('href', '/git');
  });

  it('says when nothing has been pushed yet', async () => {
    const { fetch } = render(
      { '/repositories/checkout/orders-api': { ...repository, empty: true } },
      '/git/checkout/orders-api',
    );
    expect(
      await screen.findByText(/This repository is empty/),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows other errors as errors', async () => {
    render(
      {
        '/repositories/checkout/orders-api': new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'git is not installed' },
            response: { statusCode: 500 },
          }),
          { status: 500, headers: { 'content-type': 'application/json' } },
        ),
      },
      '/git/checkout/orders-api',
    );
    expect(
      (await screen.findAllByText(/git is not installed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/does not exist/)).not.toBeInTheDocument();
  });
});
