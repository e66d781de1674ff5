import type { FieldError } from '../form/field-errors.js';
import { writeCsvRow } from './csv-writer.js';

export const ERROR_CSV_COLUMN = 'error';

export type CsvFileOptions = {
  /**
   * Start with a UTF-8 byte order mark. Excel needs one to read UTF-8 (umlauts, accents)
   * correctly; every importer, including this one, skips it.
   */
  bom?: boolean;
};

export const UTF8_BOM = '\ufeff';

/**
 * The error CSV's header: the file's own headers (minus the BOM the file may have started
 * with) plus `error`. Written row by row so a worker can stream a million-row file.
 */
export function errorCsvHeader(
  originalHeaders: readonly string[],
  options: CsvFileOptions = {},
): string {
  const headers = originalHeaders.map((header, index) =>
    index === 0 ? header.replace(/^\ufeff/, '') : header,
  );
  const row = writeCsvRow([...headers, ERROR_CSV_COLUMN], { neutraliseFormulas: true });
  return options.bom ? UTF8_BOM + row : row;
}

/**
 * One failed row: its original cells, then the error message. Pass `columnCount` (the header's
 * length) so a short row is padded and the message lands under `error`. Formulas are
 * neutralised because partners open this file in spreadsheets; re-importing it undoes that.
 */
export function errorCsvRow(
  originalCells: readonly string[],
  errorMessage: string,
  columnCount?: number,
): string {
  const cells = [...originalCells];
  while (columnCount !== undefined && cells.length < columnCount) cells.push('');
  cells.push(errorMessage);
  return writeCsvRow(cells, { neutraliseFormulas: true });
}

/** All of a row's errors in one cell: "Email is required; Budget must be a number". */
export function formatRowErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => error.message).join('; ');
}
