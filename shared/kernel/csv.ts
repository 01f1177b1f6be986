/**
 * CSV for Excel: UTF-8 with a byte-order mark (Chinese Excel reads it as UTF-8 only so), CRLF
 * lines, every cell quoted where it must be. A cell a spreadsheet would take for a formula
 * (= + - @ first) is written as text, a negative number too: Excel shows it, it does not compute it.
 */
export const CSV_BOM = '\uFEFF';

const cell = (value: string): string => {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (rows: readonly (readonly string[])[]): string =>
  CSV_BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
