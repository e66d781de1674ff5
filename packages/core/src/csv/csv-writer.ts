import { neutraliseCsvFormula } from './formula.js';

export type CsvCellValue = string | number | boolean | null | undefined;

export type CsvWriteOptions = {
  /** Prefix `'` to cells starting with `=`, `+`, `-`, `@`, tab or CR (for files people open). */
  neutraliseFormulas?: boolean;
};

export const CSV_LINE_ENDING = '\r\n';

// Leading/trailing spaces are quoted because many readers trim unquoted cells; a leading BOM
// is quoted because readers strip one at the start of a file.
const NEEDS_QUOTES = /[",\r\n]|^[ \t\ufeff]|[ \t]$/;

/** One cell per RFC 4180. null and undefined are empty cells. */
export function escapeCsvCell(value: CsvCellValue, options: CsvWriteOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.neutraliseFormulas && typeof value === 'string') text = neutraliseCsvFormula(text);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. A lone empty cell is written `""` so it is not a blank line. */
export function writeCsvRow(cells: readonly CsvCellValue[], options: CsvWriteOptions = {}): string {
  if (cells.length === 1 && escapeCsvCell(cells[0], options) === '') return `""${CSV_LINE_ENDING}`;
  return cells.map((cell) => escapeCsvCell(cell, options)).join(',') + CSV_LINE_ENDING;
}

export function writeCsv(
  rows: readonly (readonly CsvCellValue[])[],
  options: CsvWriteOptions = {},
): string {
  return rows.map((row) => writeCsvRow(row, options)).join('');
}
