import { writeCsvRow } from '../csv/csv-writer.js';
import {
  isSpreadsheetDateFormat,
  spreadsheetDateText,
  spreadsheetNumberText,
  spreadsheetSerialDate,
} from './spreadsheet-cells.js';
import { parseXml, WorkbookFormatError, XmlTokenizer } from './xml-tokens.js';
import {
  entryDataOffset,
  type ReadBytes,
  readZipDirectory,
  type ZipEntry,
} from './zip-directory.js';

/**
 * Turns an entry's compressed bytes into text chunks: the API inflates with zlib, the widget
 * with the browser's DecompressionStream, so this module stays free of either.
 */
export type Inflate = (
  compressed: AsyncIterable<Uint8Array> | Uint8Array,
  method: number,
) => AsyncIterable<string>;

/** A sheet as the workbook lists it. */
export interface WorkbookSheetInfo {
  name: string;
  /** Hidden (or very hidden) in the spreadsheet program: not offered, read only when named. */
  hidden: boolean;
  /** The sheet part's path in the archive. */
  path: string;
}

/** The parts a workbook's sheets are read with; bounded so a zip bomb cannot fill the memory. */
const MAX_PART_CHARS = 64 * 1024 * 1024;
const CHUNK = 256 * 1024;

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.') resolved.push(part);
  }
  return resolved.join('/');
}

/** A sheet row as text cells; `number` is the spreadsheet's row number (from 1). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** Column letters of a cell reference (`AB12`) as an index from 0; -1 when there are none. */
function columnIndex(reference: string | undefined): number {
  if (!reference) return -1;
  let index = 0;
  let letters = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    letters++;
  }
  return letters === 0 ? -1 : index - 1;
}

interface CellFormats {
  /** Number format of each cell style (`s`), as id and code. */
  styles: { id: number; code: string | undefined }[];
}

/**
 * An .xlsx workbook opened for reading: its sheets in the workbook's order, and any sheet's rows
 * streamed. Cells become text as a person reading the sheet expects (see spreadsheet-cells.ts):
 * formulas are their saved results (never evaluated), a merged range's value is its top-left
 * cell's only, and rich text is its plain text.
 */
export class WorkbookReader {
  private constructor(
    private readonly read: ReadBytes,
    private readonly inflate: Inflate,
    private readonly entries: Map<string, ZipEntry>,
    readonly sheets: WorkbookSheetInfo[],
    private readonly date1904: boolean,
    private readonly parts: { sharedStrings: string | null; styles: string | null },
  ) {}

  /** Opens a workbook; a zip that is no workbook, or a damaged one, is a WorkbookFormatError. */
  static async open(read: ReadBytes, size: number, inflate: Inflate): Promise<WorkbookReader> {
    const entries = await readZipDirectory(read, size);
    if (!entries.has('[Content_Types].xml') || !entries.has('xl/workbook.xml')) {
      throw new WorkbookFormatError('it has no xl/workbook.xml');
    }
    const partText = (path: string) => WorkbookReader.text(read, inflate, entries, path);
    const relations = new Map<string, { target: string; type: string }>();
    if (entries.has('xl/_rels/workbook.xml.rels')) {
      parseXml(await partText('xl/_rels/workbook.xml.rels'), {
        open: (name, attributes) => {
          if (name === 'Relationship' && attributes.Id && attributes.Target) {
            relations.set(attributes.Id, {
              target: resolvePart(attributes.Target),
              type: attributes.Type ?? '',
            });
          }
        },
        close: () => {},
        text: () => {},
      });
    }
    const sheets: WorkbookSheetInfo[] = [];
    let date1904 = false;
    parseXml(await partText('xl/workbook.xml'), {
      open: (name, attributes) => {
        if (name === 'workbookPr') {
          date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        }
        if (name !== 'sheet' || !attributes.name) return;
        const relation = attributes.id ? relations.get(attributes.id) : undefined;
        // Chart sheets have no cells to import.
        if (!relation || !/\/worksheet$/.test(relation.type) || !entries.has(relation.target))
          return;
        sheets.push({
          name: attributes.name,
          hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
          path: relation.target,
        });
      },
      close: () => {},
      text: () => {},
    });
    const partOf = (type: string, fallback: string) => {
      const found = [...relations.values()].find((relation) => relation.type.endsWith(type));
      const path = found?.target ?? fallback;
      return entries.has(path) ? path : null;
    };
    return new WorkbookReader(read, inflate, entries, sheets, date1904, {
      sharedStrings: partOf('/sharedStrings', 'xl/sharedStrings.xml'),
      styles: partOf('/styles', 'xl/styles.xml'),
    });
  }

  get visibleSheets(): WorkbookSheetInfo[] {
    return this.sheets.filter((sheet) => !sheet.hidden);
  }

  private static async *chunks(read: ReadBytes, entry: ZipEntry): AsyncGenerator<Uint8Array> {
    const start = await entryDataOffset(read, entry);
    for (let at = 0; at < entry.compressedSize; at += CHUNK) {
      yield await read(start + at, Math.min(CHUNK, entry.compressedSize - at));
    }
  }

  private static async *stream(
    read: ReadBytes,
    inflate: Inflate,
    entries: Map<string, ZipEntry>,
    path: string,
  ): AsyncGenerator<string> {
    const entry = entries.get(path);
    if (!entry) throw new WorkbookFormatError(`it has no ${path}`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new WorkbookFormatError(
        `${path} is compressed in a way workbooks are not (or encrypted)`,
      );
    }
    yield* inflate(WorkbookReader.chunks(read, entry), entry.method);
  }

  private static async text(
    read: ReadBytes,
    inflate: Inflate,
    entries: Map<string, ZipEntry>,
    path: string,
  ): Promise<string> {
    let text = '';
    for await (const chunk of WorkbookReader.stream(read, inflate, entries, path)) {
      text += chunk;
      if (text.length > MAX_PART_CHARS) throw new WorkbookFormatError(`${path} is too large`);
    }
    return text;
  }

  private partText(path: string): Promise<string> {
    return WorkbookReader.text(this.read, this.inflate, this.entries, path);
  }

  private async sharedStrings(): Promise<string[]> {
    const strings: string[] = [];
    if (!this.parts.sharedStrings) return strings;
    let current = '';
    let inText = false;
    // Phonetic guides (<rPh>) are not part of the cell's text.
    let phonetic = 0;
    parseXml(await this.partText(this.parts.sharedStrings), {
      open: (name, _attributes, closed) => {
        if (name === 'si') current = '';
        else if (name === 'rPh' && !closed) phonetic++;
        else if (name === 't' && !closed) inText = true;
      },
      close: (name) => {
        if (name === 'si') strings.push(current);
        else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (name === 't') inText = false;
      },
      text: (text) => {
        if (inText && phonetic === 0) current += text;
      },
    });
    return strings;
  }

  private async formats(): Promise<CellFormats> {
    const styles: CellFormats['styles'] = [];
    if (!this.parts.styles) return { styles };
    const codes = new Map<number, string>();
    let inCellXfs = false;
    parseXml(await this.partText(this.parts.styles), {
      open: (name, attributes, closed) => {
        if (name === 'numFmt' && attributes.numFmtId) {
          codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        } else if (name === 'cellXfs' && !closed) inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attributes.numFmtId ?? 0);
          styles.push({ id, code: id === 49 ? '@' : undefined });
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text: () => {},
    });
    for (const style of styles) style.code ??= codes.get(style.id);
    return { styles };
  }

  /** The rows of a sheet that hold something, in order, streamed from the sheet's XML. */
  async *rows(sheet: WorkbookSheetInfo): AsyncGenerator<SheetRow[]> {
    const strings = await this.sharedStrings();
    const { styles } = await this.formats();
    const date1904 = this.date1904;
    let rows: SheetRow[] = [];
    let row: SheetRow | null = null;
    let rowNumber = 0;
    let cell: { column: number; type: string; style: number } | null = null;
    let column = -1;
    let value = '';
    let inline = '';
    let capture: 'v' | 't' | null = null;
    let phonetic = 0;
    const cellText = (): string => {
      if (!cell) return '';
      switch (cell.type) {
        case 's':
          return strings[Number(value)] ?? '';
        case 'inlineStr':
          return inline;
        case 'str':
        case 'e':
          return value;
        case 'b':
          return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
        default: {
          if (value.trim() === '') return '';
          const number = Number(value);
          if (!Number.isFinite(number)) return value;
          const format = styles[cell.style];
          if (format && isSpreadsheetDateFormat(format.id, format.code)) {
            return spreadsheetDateText(spreadsheetSerialDate(number, date1904));
          }
          return spreadsheetNumberText(number, format?.code);
        }
      }
    };
    const tokenizer = new XmlTokenizer({
      open: (name, attributes, closed) => {
        if (name === 'row') {
          const number = Number(attributes.r);
          rowNumber = Number.isInteger(number) && number > rowNumber ? number : rowNumber + 1;
          row = { number: rowNumber, cells: [] };
          column = -1;
        } else if (name === 'c' && row) {
          const at = columnIndex(attributes.r);
          column = at === -1 ? column + 1 : at;
          cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0) };
          value = '';
          inline = '';
        } else if (cell && !closed) {
          if (name === 'v') capture = 'v';
          else if (name === 'rPh') phonetic++;
          else if (name === 't' && phonetic === 0) capture = 't';
        }
      },
      close: (name) => {
        if (name === 'v' || name === 't') capture = null;
        else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (name === 'c' && row && cell) {
          const text = cellText();
          if (text !== '') row.cells[cell.column] = text;
          cell = null;
        } else if (name === 'row' && row) {
          if (row.cells.length > 0) {
            for (let index = 0; index < row.cells.length; index++) row.cells[index] ??= '';
            rows.push(row);
          }
          row = null;
        }
      },
      text: (text) => {
        if (capture === 'v') value += text;
        else if (capture === 't') inline += text;
      },
    });
    for await (const chunk of WorkbookReader.stream(
      this.read,
      this.inflate,
      this.entries,
      sheet.path,
    )) {
      tokenizer.push(chunk);
      if (rows.length > 0) {
        yield rows;
        rows = [];
      }
    }
    tokenizer.end();
    if (rows.length > 0) yield rows;
  }
}

/**
 * A sheet as CSV text, in chunks: sheet row N is CSV line N (rows the sheet leaves out, or
 * leaves empty, become empty lines, which an import skips), so the row numbers an import
 * reports are the spreadsheet's. Rows are as wide as the header: shorter ones are padded and
 * empty cells past the header dropped (a sheet has no row length of its own).
 */
export async function* sheetCsv(
  workbook: WorkbookReader,
  sheet: WorkbookSheetInfo,
): AsyncGenerator<string> {
  let line = 0;
  let width = 0;
  for await (const rows of workbook.rows(sheet)) {
    let text = '';
    for (const { number, cells } of rows) {
      while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
      if (width === 0) width = cells.length;
      while (cells.length < width) cells.push('');
      text += '\r\n'.repeat(Math.max(0, number - 1 - line)) + writeCsvRow(cells);
      line = number;
    }
    yield text;
  }
}

export { WorkbookFormatError };
