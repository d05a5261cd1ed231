import { renderInTestApp } from '@backstage/frontend-test-utils';
import { useDocumentTitle } from './useDocumentTitle';

const Titled = ({ title }: { title: string }) => {
  useDocumentTitle(title);
  return <p>{title}</p>;
};

describe('useDocumentTitle', () => {
  it('names the page and the app in the tab, and gives the old title back when the page goes', async () => {
    document.title = 'before';
    const { unmount, findByText } = renderInTestApp(<Titled title="Costs" />, {
      config: { app: { title: 'Paved' } },
    });
    await findByText('Costs');
    expect(document.title).toBe('Costs | Paved');
    unmount();
    expect(document.title).toBe('before');
  });
});
