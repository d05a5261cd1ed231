import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ServicesTable } from './ServicesTable';
import { testSummary } from './testSummary';

describe('ServicesTable', () => {
  it('links each service to its page and says how long Create to production took', async () => {
    renderInTestApp(
      <ServicesTable
        services={testSummary('group:default/payments').services!}
        fileName="x.csv"
      />,
    );
    expect(await screen.findByText('ledger')).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger',
    );
    // Created 2 Nov 09:00, first production deploy 3 Nov 15:00.
    expect(screen.getByText('30.0 h')).toBeInTheDocument();
    expect(screen.getByText('golden path')).toBeInTheDocument();
  });
});
