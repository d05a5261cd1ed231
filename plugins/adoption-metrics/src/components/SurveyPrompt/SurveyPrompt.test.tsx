import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { IMPROVEMENT_QUESTION, SurveyPrompt } from '.';

function render(status: { ask: boolean }, answerStatus = 201) {
  const fetch = jest.fn(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/survey/status')) {
        return new Response(
          JSON.stringify({ quarter: '2026-Q4', enabled: true, ...status }),
        );
      }
      if (url.endsWith('/survey') && init?.method === 'POST') {
        return new Response(
          JSON.stringify(
            answerStatus === 201
              ? { quarter: '2026-Q4' }
              : { error: { name: 'ConflictError', message: 'already' } },
          ),
          {
            status: answerStatus,
            headers: { 'Content-Type': 'application/json' },
          },
        );
      }
      return new Response('{}', { status: 404 });
    },
  );
  renderInTestApp(<SurveyPrompt delayMs={0} />, {
    apis: [
      [
        coreApis.discovery,
        {
          getBaseUrl: async () => 'http://localhost:7007/api/adoption-metrics',
        },
      ],
      [coreApis.fetch, { fetch }],
    ] as const,
  });
  const posted = () =>
    fetch.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => JSON.parse(String(init!.body)));
  return { fetch, posted };
}

describe('SurveyPrompt', () => {
  it('asks, sends the score and the one thing, and goes away', async () => {
    const { posted } = render({ ask: true });
    expect(
      await screen.findByText('How satisfied are you with Paved?'),
    ).toBeInTheDocument();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '8' }));
    fireEvent.change(screen.getByLabelText(IMPROVEMENT_QUESTION), {
      target: { value: '  Faster builds  ' },
    });
    fireEvent.click(send);
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Quarterly survey' }),
      ).not.toBeInTheDocument(),
    );
    expect(posted()).toEqual([{ score: 8, improvement: 'Faster builds' }]);
  });

  it('takes "Not now" as this quarter\'s answer', async () => {
    const { posted } = render({ ask: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    await waitFor(() =>
      expect(
        screen.queryByText('How satisfied are you with Paved?'),
      ).not.toBeInTheDocument(),
    );
    expect(posted()).toEqual([{ dismissed: true }]);
  });

  it('goes away when the quarter was already answered in another tab', async () => {
    render({ ask: true }, 409);
    fireEvent.click(await screen.findByRole('button', { name: '10' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(
        screen.queryByText('How satisfied are you with Paved?'),
      ).not.toBeInTheDocument(),
    );
  });

  it('does not ask when the backend says this person was asked this quarter', async () => {
    const { fetch } = render({ ask: false });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise(r => setTimeout(r, 50));
    expect(
      screen.queryByText('How satisfied are you with Paved?'),
    ).not.toBeInTheDocument();
  });
});
