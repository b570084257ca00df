/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted when it holds a comma, a quote or a
 * line break, quotes doubled, lines ended by CRLF. A cell that starts with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel, Sheets or Numbers: it gets a leading
 * apostrophe, so a shopper's note like "=HYPERLINK(...)" stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
