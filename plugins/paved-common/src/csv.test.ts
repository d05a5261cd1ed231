import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises the formula-like cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-ended line per row', () => {
    const csv = toCsv(
      [
        { header: 'team', value: (r: { t: string; n: number }) => r.t },
        { header: 'cost, USD', value: r => r.n },
      ],
      [
        { t: 'checkout', n: 12.5 },
        { t: '=cmd', n: -1 },
      ],
    );
    expect(csv).toBe(`team,"cost, USD"\r\ncheckout,12.5\r\n'=cmd,-1\r\n`);
  });
});
