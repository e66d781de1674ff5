import { Transform, type TransformCallback } from 'node:stream';
import { isEmptyCsvRow } from '@leadbridge/core';
import { ProblemException } from '../../common/problem/problem';
import { type CsvRecord, CsvRecordReader, CsvRecordTooLongError } from '../csv/csv-record-reader';
import { CsvTextDecoder, NotCsvError } from '../csv/csv-text-decoder';

export interface UploadLimits {
  maxBytes: number;
  maxRows: number;
}

/** What the upload check learned about a file on its way to storage. */
export interface UploadInspection {
  bytes: number;
  header: string[];
  /** Non-empty rows below the header. */
  dataRows: number;
  firstDataRow: string[] | null;
  delimiter: string;
  encoding: string;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} kB`;
}

export function fileTooLarge(maxBytes: number): ProblemException {
  return new ProblemException(
    413,
    'file_too_large',
    `The file is larger than the ${formatBytes(maxBytes)} an import may have. Split it into smaller files.`,
    { maxBytes },
  );
}

function toProblem(error: unknown): unknown {
  if (error instanceof NotCsvError) return new ProblemException(415, 'not_csv', error.message);
  if (error instanceof CsvRecordTooLongError) {
    return new ProblemException(
      422,
      error.insideQuotes ? 'unclosed_quote' : 'row_too_long',
      error.message,
      { row: error.recordNumber },
    );
  }
  return error;
}

/**
 * Passes the uploaded bytes through unchanged while checking them as they stream: size and row
 * limits, "is this text at all", one pathological record, and the header for the column check.
 * It parses with the same reader the import job uses, so both count rows alike.
 */
export class CsvUploadInspector extends Transform {
  private readonly decoder = new CsvTextDecoder();
  private readonly reader = new CsvRecordReader();
  private bytes = 0;
  private header: string[] | null = null;
  private dataRows = 0;
  private firstDataRow: string[] | null = null;

  /** `onRecord` sees every record as the import job will (empty ones too), e.g. for a dry run. */
  constructor(
    private readonly limits: UploadLimits,
    private readonly onRecord?: (record: CsvRecord) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.bytes += chunk.length;
      if (this.bytes > this.limits.maxBytes) throw fileTooLarge(this.limits.maxBytes);
      this.collect(this.reader.push(this.decoder.write(chunk)));
      callback(null, chunk);
    } catch (error) {
      callback(toProblem(error) as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.collect(this.reader.push(this.decoder.end()));
      this.collect(this.reader.end());
      if (!this.header) {
        throw new ProblemException(422, 'empty_file', 'The file is empty.');
      }
      if (this.dataRows === 0) {
        throw new ProblemException(
          422,
          'no_rows',
          'The file has a header row but no leads below it.',
          { headers: this.header },
        );
      }
      callback();
    } catch (error) {
      callback(toProblem(error) as Error);
    }
  }

  private collect(records: CsvRecord[]): void {
    for (const record of records) {
      this.onRecord?.(record);
      if (isEmptyCsvRow(record.cells)) continue;
      if (!this.header) {
        this.header = record.cells;
        continue;
      }
      this.dataRows++;
      this.firstDataRow ??= record.cells;
      if (this.dataRows > this.limits.maxRows) {
        throw new ProblemException(
          413,
          'too_many_rows',
          `The file has more than the ${this.limits.maxRows.toLocaleString('en-US')} rows an import may have. Split it into smaller files.`,
          { maxRows: this.limits.maxRows },
        );
      }
    }
  }

  /** Valid once the stream has finished without error. */
  result(): UploadInspection {
    return {
      bytes: this.bytes,
      header: this.header ?? [],
      dataRows: this.dataRows,
      firstDataRow: this.firstDataRow,
      delimiter: this.reader.delimiter ?? ',',
      encoding: this.decoder.encoding ?? 'utf-8',
    };
  }
}
