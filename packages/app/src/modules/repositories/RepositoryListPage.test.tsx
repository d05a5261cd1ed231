import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { RepositoryListPage } from './RepositoryListPage';
import { gitHostApis, repository } from './testGitHost';

const render = (routes: Record<string, unknown>) =>
  renderInTestApp(<RepositoryListPage />, {
    apis: gitHostApis(routes).apis,
  });

describe('RepositoryListPage', () => {
  it('lists the repositories', async () => {
    render({ '/repositories': { items: [repository] } });
    expect(
      await screen.findByRole('link', { name: 'checkout/orders-api' }),
    ).toHaveAttribute('href', '/git/checkout/orders-api');
    expect(screen.getByText('Takes orders')).toBeInTheDocument();
    expect(screen.getByText(repository.cloneUrl)).toBeInTheDocument();
  });

  it('points to the golden path when there are none', async () => {
    render({ '/repositories': { items: [] } });
    expect(await screen.findByText('No repositories yet')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Create a service' }),
    ).toHaveAttribute('href', '/create');
  });

  it('treats a missing git host as an error, not as no repositories', async () => {
    render({});
    expect(await screen.findByText(/NotFoundError/)).toBeInTheDocument();
    expect(screen.queryByText('No repositories yet')).not.toBeInTheDocument();
  });
});
