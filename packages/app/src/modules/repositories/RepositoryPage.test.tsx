import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { RepositoryPage } from './RepositoryPage';

const base = 'http://localhost:7007/api/git-host';
const repository = {
  owner: 'checkout',
  name: 'orders-api',
  description: 'Takes orders',
  cloneUrl: `${base}/checkout/orders-api.git`,
  rawBaseUrl: `${base}/checkout/orders-api/raw`,
  defaultBranch: 'main',
  empty: false,
};

/** The git host's answers, by path. */
function gitHost(routes: Record<string, unknown>) {
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const path = String(input).slice(base.length);
    if (!(path in routes)) return new Response('{}', { status: 404 });
    const body = routes[path];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  });
  return [
    [discoveryApiRef, { getBaseUrl: async () => base }],
    [fetchApiRef, { fetch }],
  ] as const;
}

const render = (routes: Record<string, unknown>, path: string) =>
  renderInTestApp(<RepositoryPage />, {
    apis: gitHost(routes),
    mountPath: '/git/:owner/:name',
    initialRouteEntries: [path],
  });

describe('RepositoryPage', () => {
  it('shows how to clone, the files and the README', async () => {
    render(
      {
        '/repositories/checkout/orders-api': repository,
        '/repositories/checkout/orders-api/tree?ref=main': {
          files: ['README.md', 'catalog-info.yaml', 'k8s/deployment.yaml'],
        },
        '/checkout/orders-api/raw/main/README.md':
          '# Orders API\n\nRuns the orders.',
      },
      '/git/checkout/orders-api',
    );
    expect(
      await screen.findByText(`git clone ${repository.cloneUrl}`),
    ).toBeInTheDocument();
    expect(screen.getByText('k8s/deployment.yaml')).toBeInTheDocument();
    expect(screen.getByText('Runs the orders.')).toBeInTheDocument();
  });

  it('says when a repository does not exist', async () => {
    render({}, '/git/checkout/nope');
    expect(
      await screen.findByText('Repository checkout/nope does not exist'),
    ).toBeInTheDocument();
  });

  it('says when nothing has been pushed yet', async () => {
    render(
      { '/repositories/checkout/orders-api': { ...repository, empty: true } },
      '/git/checkout/orders-api',
    );
    expect(
      await screen.findByText(/This repository is empty/),
    ).toBeInTheDocument();
  });
});
