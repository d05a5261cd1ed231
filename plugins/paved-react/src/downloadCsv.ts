// "Download CSV" in the browser. The CSV itself is written by Paved's one writer
// (@internal/plugin-paved-common's toCsv), which quotes as RFC 4180 says and neutralises cells
// a spreadsheet would run as formulas: catalog values are written by anyone who can register an
// entity.
export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
