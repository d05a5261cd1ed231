// CSV of what a table shows, quoted where a cell needs it (RFC 4180), for "Download CSV".
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | undefined;
}

const cell = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return [
    columns.map(c => cell(c.header)).join(','),
    ...rows.map(row => columns.map(c => cell(c.value(row))).join(',')),
  ].join('\n');
}

export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
