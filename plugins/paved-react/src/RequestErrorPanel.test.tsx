import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { RequestErrorPanel } from './RequestErrorPanel';

const responseError = (status: number, statusText: string, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message },
        request: { method: 'POST', url: '/api/git-host/repositories' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );

describe('RequestErrorPanel', () => {
  it("shows a 403's why and who as its title", async () => {
    const refusal =
      'You may not push to payments/ledger: only members of team payments (and the platform team) push to it';
    renderInTestApp(
      <RequestErrorPanel
        error={await responseError(403, 'Forbidden', refusal)}
      />,
    );
    expect(
      await screen.findByText(refusal, { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Request failed with 403/),
    ).not.toBeInTheDocument();
  });

  it('shows other failures as the request error they are', async () => {
    renderInTestApp(
      <RequestErrorPanel
        error={await responseError(500, 'Internal Server Error', 'boom')}
      />,
    );
    expect(
      await screen.findByText(/Request failed with 500 Internal Server Error/),
    ).toBeInTheDocument();
  });
});
