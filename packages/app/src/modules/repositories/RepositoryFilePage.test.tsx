import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { RepositoryFilePage, languageOf } from './RepositoryFilePage';
import { gitHostApis, repository } from './testGitHost';

const render = (routes: Record<string, unknown>, path: string) =>
  renderInTestApp(
    // The page's routes run under React Router's page adapter, as in RepositoriesRouter.
    <ReactRouterV6PageRouter>
      <RepositoryFilePage />
    </ReactRouterV6PageRouter>,
    {
      apis: gitHostApis(routes).apis,
      mountPath: '/git/:owner/:name/files/*',
      initialRouteEntries: [path],
    },
  );

describe('RepositoryFilePage', () => {
  it('shows a file read through the API, with its raw URL', async () => {
    render(
      {
        '/repositories/checkout/orders-api': repository,
        '/checkout/orders-api/raw/main/k8s/deployment.yaml':
          'kind: Deployment\n',
      },
      '/git/checkout/orders-api/files/k8s/deployment.yaml',
    );
    // The highlighter re-renders once its language has loaded.
    await waitFor(() =>
      expect(screen.getByText(/Deployment/)).toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: /Raw/ })).toHaveAttribute(
      'href',
      `${repository.rawBaseUrl}/main/k8s/deployment.yaml`,
    );
    expect(
      screen.getByRole('link', { name: 'Back to checkout/orders-api' }),
    ).toHaveAttribute('href', '/git/checkout/orders-api');
  });

  it('says when the file does not exist', async () => {
    render(
      { '/repositories/checkout/orders-api': repository },
      '/git/checkout/orders-api/files/nope.txt',
    );
    expect(
      await screen.findByText(
        'checkout/orders-api has no file nope.txt on main',
      ),
    ).toBeInTheDocument();
  });

  it('picks a highlighter language', () => {
    expect(languageOf('k8s/deployment.yaml')).toBe('yaml');
    expect(languageOf('Dockerfile')).toBe('dockerfile');
    expect(languageOf('go.mod')).toBe('go');
    expect(languageOf('LICENSE')).toBe('text');
  });
});
