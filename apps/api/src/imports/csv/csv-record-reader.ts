import Papa from 'papaparse';

/** A quote problem papaparse reported for a record. */
export type CsvQuoteProblem = 'unclosed' | 'malformed';

export interface CsvRecord {
  cells: string[];
  quoteProblem?: CsvQuoteProblem;
}

/** Delimiters a CSV may use, in order of preference when a header line is ambiguous. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * A single record (usually: a quote that is never closed) grew past the reader's bound, which
 * keeps one bad quote from pulling a whole file into memory.
 */
export class CsvRecordTooLongError extends Error {
  constructor(
    readonly recordNumber: number,
    readonly insideQuotes: boolean,
    readonly maxChars: number,
  ) {
    const size =
      maxChars >= 1024 * 1024
        ? `${Math.round(maxChars / (1024 * 1024))} MB`
        : `${Math.ceil(maxChars / 1024)} kB`;
    super(
      insideQuotes
        ? `Row ${recordNumber} opens a quote (") that is not closed within ${size}. Close the quote, or write a literal quote inside a quoted value as "".`
        : `Row ${recordNumber} is longer than ${size}.`,
    );
  }
}

/** The delimiter that splits the header line into the most columns (quotes respected). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = CSV_DELIMITERS[0];
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

const DETECT_WINDOW = 64 * 1024;

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/**
 * Incremental CSV reader over decoded text chunks, built on papaparse's parser: RFC 4180 quoting
 * with quoted delimiters and newlines, CRLF / LF / CR line ends (mixed CRLF and LF too), a BOM,
 * and `,` `;` tab `|` delimiters detected from the header line. Holds only the unfinished last
 * record between chunks, so memory does not grow with the file.
 */
export class CsvRecordReader {
  private pending = '';
  private parser: Papa.Parser | null = null;
  private newline: '\n' | '\r' = '\n';
  private started = false;
  delimiter: string | null = null;
  /** Records returned so far (the header included). */
  recordsRead = 0;

  constructor(private readonly maxRecordChars = 1024 * 1024) {}

  push(text: string): CsvRecord[] {
    if (text === '') return [];
    this.pending += text;
    if (!this.started) {
      this.pending = this.pending.replace(/^\ufeff+/, '');
      this.started = this.pending !== '';
    }
    if (!this.parser && !this.detect(false)) return [];
    return this.parse(false);
  }

  end(): CsvRecord[] {
    if (!this.parser && !this.detect(true)) return [];
    return this.parse(true);
  }

  private detect(final: boolean): boolean {
    const lineFeed = this.pending.indexOf('\n');
    const carriageReturn = this.pending.indexOf('\r');
    let lineEnd = lineFeed;
    if (lineFeed === -1) {
      // A lone CR that is not the chunk's last character means CR-only line ends (old Macs).
      const crOnly = carriageReturn !== -1 && carriageReturn < this.pending.length - 1;
      if (crOnly) {
        this.newline = '\r';
        lineEnd = carriageReturn;
      } else if (!final && this.pending.length < DETECT_WINDOW) {
        return false;
      } else {
        lineEnd = this.pending.length;
      }
    }
    if (this.pending === '' && final) return false;
    this.delimiter = detectDelimiter(this.pending.slice(0, lineEnd));
    this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline });
    return true;
  }

  private parse(final: boolean): CsvRecord[] {
    const parser = this.parser;
    const input = this.pending;
    if (!parser || input === '') return [];
    const result = parser.parse(input, 0, !final) as {
      data: string[][];
      errors: { code: string; row: number }[];
      meta: { cursor: number };
    };
    this.pending = final ? '' : input.slice(result.meta.cursor);
    if (this.pending.length > this.maxRecordChars) {
      throw new CsvRecordTooLongError(
        this.recordsRead + result.data.length + 1,
        countQuotes(this.pending) % 2 === 1,
        this.maxRecordChars,
      );
    }
    const records: CsvRecord[] = result.data.map((cells) => {
      if (this.newline === '\n') {
        const last = cells.length - 1;
        const cell = cells[last];
        if (cell?.endsWith('\r')) cells[last] = cell.slice(0, -1);
      }
      return { cells };
    });
    for (const error of result.errors) {
      const record = records[error.row];
      if (!record) continue;
      if (error.code === 'MissingQuotes') record.quoteProblem = 'unclosed';
      else if (error.code === 'InvalidQuotes') record.quoteProblem ??= 'malformed';
    }
    this.recordsRead += records.length;
    return records;
  }
}
