import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTooLarge } from '../upload/csv-upload-inspector';
import { type WorkbookSheet, workbookCsv } from './workbook-csv';

/**
 * The first `bytes` of a stream that has not started flowing, put back so whoever reads the
 * stream next sees all of it. Fewer when the stream is shorter.
 */
export function peek(stream: Readable, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (head: Buffer) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      resolve(head);
    };
    const onReadable = () => {
      // read(n) answers null until n bytes are buffered, or the rest once the stream has ended;
      // the bytes go back before 'end' is emitted, so unshift is always allowed here.
      const head = stream.read(bytes) as Buffer | null;
      if (head === null) return;
      stream.unshift(head);
      done(head);
    };
    const onEnd = () => done(Buffer.alloc(0));
    const onError = (error: Error) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}

export interface SpooledWorkbook {
  /** The workbook's size as uploaded. */
  bytes: number;
  /** The chosen sheet as CSV text (see workbookCsv); the sheet is reported once reading starts. */
  csv: Readable;
  sheet: () => WorkbookSheet | null;
}

/**
 * Writes an uploaded workbook to a private temp directory (a zip is read from its end, so it
 * cannot be parsed as it arrives), refusing it past `maxBytes`, then hands `use` the chosen
 * sheet as a CSV stream. The directory is removed when `use` settles, whatever happened.
 * `counting` sees the stream that counts the bytes, so the caller can stop it (a client gone).
 */
export async function withSpooledWorkbook<T>(
  source: Readable,
  maxBytes: number,
  sheetChoice: string | undefined,
  counting: (counter: Transform) => void,
  use: (workbook: SpooledWorkbook) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lb-workbook-'));
  try {
    const path = join(dir, 'upload.xlsx');
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(bytes > maxBytes ? fileTooLarge(maxBytes) : null, chunk);
      },
    });
    counting(counter);
    // Piped by hand: a pipeline would destroy the request (and the socket) on a limit error.
    source.pipe(counter);
    source.once('error', (error) => counter.destroy(error));
    await pipeline(counter, createWriteStream(path));
    let sheet: WorkbookSheet | null = null;
    const csv = Readable.from(
      workbookCsv(path, sheetChoice, (read) => {
        sheet = read;
      }),
    );
    return await use({ bytes, csv, sheet: () => sheet });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
