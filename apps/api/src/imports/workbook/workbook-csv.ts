import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import {
  type Inflate,
  sheetCsv,
  WorkbookFormatError,
  WorkbookReader,
  type WorkbookSheetInfo,
} from '@leadbridge/core';
import { ProblemException, validationProblem } from '../../common/problem/problem';

/** What the reader tells the import about the sheet it read. */
export interface WorkbookSheet {
  name: string;
  /** The visible sheets, in the workbook's order (what a partner could have chosen). */
  visible: string[];
}

/** Zip's local file header, which every .xlsx starts with. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

/** The OLE2 compound file of Excel 97–2003 (.xls), which is also how encrypted .xlsx are kept. */
export function isLegacyExcel(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));
}

export function legacyExcel(): ProblemException {
  return new ProblemException(
    415,
    'not_csv',
    'This is an Excel 97–2003 workbook (.xls) or a password-protected one, which the import does not read. Save it as an Excel workbook (.xlsx) without a password, or as CSV, and upload that.',
  );
}

function notAWorkbook(detail: string): ProblemException {
  return new ProblemException(
    415,
    'not_csv',
    `The file is a ZIP archive but not an Excel workbook (.xlsx) the import can read: ${detail}. Upload an .xlsx workbook or a CSV file.`,
  );
}

/**
 * The sheet an import reads: `choice` by name (exact, then ignoring case) or by position among
 * the visible sheets from 1; by default the first visible sheet. Hidden sheets are read only
 * when named.
 */
export function chooseSheet(
  workbook: WorkbookReader,
  choice: string | undefined,
): WorkbookSheetInfo {
  const { sheets, visibleSheets } = workbook;
  if (choice === undefined || choice === '') {
    const first = visibleSheets[0];
    if (!first) throw notAWorkbook('it has no visible worksheet');
    return first;
  }
  const named =
    sheets.find((sheet) => sheet.name === choice) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === choice.toLowerCase());
  if (named) return named;
  const position = /^\d+$/.test(choice) ? visibleSheets[Number(choice) - 1] : undefined;
  if (position) return position;
  throw validationProblem([
    {
      field: 'sheet',
      code: 'unknown_sheet',
      message: `The workbook has no sheet "${choice}". Its sheets: ${visibleSheets.map((sheet) => `"${sheet.name}"`).join(', ')} (or their position, from 1).`,
    },
  ]);
}

/** zlib's raw inflate over an entry's chunks, as text (workbook parts are UTF-8). */
const inflate: Inflate = (compressed, method) => {
  const source =
    compressed instanceof Uint8Array ? Readable.from([compressed]) : Readable.from(compressed);
  const bytes = method === 8 ? source.pipe(createInflateRaw()) : source;
  if (method === 8) source.once('error', (error) => bytes.destroy(error));
  return bytes.setEncoding('utf8') as AsyncIterable<string>;
};

/**
 * The chosen sheet of the workbook at `path` as CSV text (see core's sheetCsv), read with
 * random access to the file and the sheet's XML streamed. A damaged workbook or a zip that is
 * none is a 415 `not_csv`; an unknown `sheet` a 422 naming the field.
 */
export async function* workbookCsv(
  path: string,
  choice: string | undefined,
  onSheet: (sheet: WorkbookSheet) => void,
): AsyncGenerator<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    };
    try {
      const workbook = await WorkbookReader.open(read, size, inflate);
      const sheet = chooseSheet(workbook, choice);
      onSheet({ name: sheet.name, visible: workbook.visibleSheets.map((visible) => visible.name) });
      yield* sheetCsv(workbook, sheet);
    } catch (error) {
      if (error instanceof WorkbookFormatError) throw notAWorkbook(error.message);
      // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR, …): the archive's data is damaged.
      if (error instanceof Error && /^Z_/.test(String((error as { code?: unknown }).code))) {
        throw notAWorkbook(`its data is damaged (${error.message})`);
      }
      throw error;
    }
  } finally {
    await file.close();
  }
}
