// The one CSV writer of Paved: every "Download CSV" and every CSV a backend serves goes through
// it. Cells are quoted as RFC 4180 says, and a cell that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) is prefixed with a single quote, as OWASP's
// CSV-injection guidance recommends: a catalog value is text written by anyone who can register
// an entity, and it must never become a formula on a manager's machine.

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell: neutralised when it could be read as a formula, quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined) {
  if (value === undefined || value === null) return '';
  // Numbers are data, not formulas: -3 stays -3 so a spreadsheet can sum the column.
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table, header first, lines ended by CRLF as RFC 4180 says. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [
    columns.map(c => csvCell(c.header)).join(','),
    ...rows.map(row => columns.map(c => csvCell(c.value(row))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
