import type { DuplicateMatch } from '@leadbridge/core';
import type { CsvQuoteProblem } from '../csv/csv-record-reader';

// Row numbers are spreadsheet rows: the header is row 1, the first lead row 2.

export function inFileDuplicateMessage(match: DuplicateMatch): string {
  return match.reason === 'email'
    ? `Duplicate: the same email as row ${match.row} of this file`
    : `Duplicate: the same company domain as row ${match.row} of this file`;
}

export const EXISTING_EMAIL_MESSAGE =
  'Duplicate: a lead with this email was already submitted to this program';

export const EXISTING_DOMAIN_MESSAGE =
  'Duplicate: a lead from this company (same email domain) was already submitted to this program';

export function quoteProblemMessage(problem: CsvQuoteProblem): string {
  return problem === 'unclosed'
    ? 'A quoted value in this row is never closed, so the rest of the file was read into it. ' +
        'Close the quote (write a quote inside a value as "") and import the rows after it again'
    : 'A quote (") in this row is misplaced; inside a quoted value write a quote as ""';
}

/**
 * The cells with NULs replaced by U+FFFD, and a message naming the first column that held one.
 * PostgreSQL stores no NUL in text or jsonb, so such a row is refused (its neighbours are not)
 * and kept for the error CSV with the replacement character where the NUL was.
 */
export function withoutNul(
  cells: string[],
  headers: readonly string[] | null,
): { cells: string[]; problem: string | null } {
  const at = cells.findIndex((cell) => cell.includes('\u0000'));
  if (at === -1) return { cells, problem: null };
  const header = headers?.[at]?.replaceAll('\u0000', '\ufffd');
  const column = header ? `"${header}"` : `${at + 1}`;
  return {
    cells: cells.map((cell) => cell.replaceAll('\u0000', '\ufffd')),
    problem: `Column ${column} contains a NUL character (U+0000), which cannot be stored; remove it`,
  };
}
