import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable, type Transform } from 'node:stream';
import busboy from 'busboy';
import { ProblemException } from '../../common/problem/problem';
import type { FileStorage } from '../../storage/file-storage';
import type { CsvRecord } from '../csv/csv-record-reader';
import { isLegacyExcel, isZip, legacyExcel, type WorkbookSheet } from '../workbook/workbook-csv';
import { peek, withSpooledWorkbook } from '../workbook/workbook-upload';
import {
  CsvUploadInspector,
  type UploadInspection,
  type UploadLimits,
} from './csv-upload-inspector';

export type UploadKind = 'multipart' | 'csv';

// Browsers label .csv files inconsistently (Excel on Windows registers vnd.ms-excel).
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
  // Workbooks sent as the body are recognised by their content, like every upload.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

function uploadKindOf(contentType: string | undefined): UploadKind | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return 'multipart';
  if (type && CSV_TYPES.has(type)) return 'csv';
  return null;
}

/**
 * An upload as the HTTP layer hands it to the imports: how its body is framed, the size it
 * declares, and the body itself (Node's message, whatever framework received it).
 */
export interface UploadSource {
  /** null: a Content-Type the imports do not take. */
  kind: UploadKind | null;
  /** Content-Length, NaN when the body is chunked. */
  declaredBytes: number;
  body: IncomingMessage;
}

export function uploadSourceOf(message: IncomingMessage): UploadSource {
  return {
    kind: uploadKindOf(message.headers['content-type']),
    declaredBytes: Number(message.headers['content-length'] ?? Number.NaN),
    body: message,
  };
}

export interface ReceivedFile {
  fileName: string | null;
  /** For a workbook its size as uploaded, and the rows of the sheet read. */
  inspection: UploadInspection;
  /** The sheet read, when the file is a workbook (stored as that sheet's CSV). */
  sheet: WorkbookSheet | null;
}

/** What the request's fields say about reading the file. */
export interface FileOptions {
  /** A workbook's sheet: name or position (default: the first visible sheet). */
  sheet?: string | undefined;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile | null;
}

export interface ReceiveOptions {
  storage: FileStorage;
  key: string;
  limits: UploadLimits;
  /** Runs with the form fields sent before the file, before a byte of the file is stored. */
  beforeFile: (fields: Record<string, string>) => Promise<FileOptions>;
  /** Sees each CSV record of the file as it streams (see CsvUploadInspector). */
  onRecord?: (record: CsvRecord) => void;
}

// A 5xx on purpose: nobody reads the answer, and a 4xx would be stored under the request's
// Idempotency-Key, refusing the client's retry of the same upload forever.
const aborted = () =>
  new ProblemException(503, 'upload_aborted', 'The upload was interrupted before it finished.');

function clientGone(request: IncomingMessage): boolean {
  return request.readableAborted || (request.destroyed && !request.complete);
}

/**
 * Reads the rest of a request we stopped consuming, so the client gets our answer instead of a
 * reset connection (Node only drains bodies nobody started reading).
 */
function discardRest(request: IncomingMessage, from?: NodeJS.WritableStream): void {
  if (from) request.unpipe(from);
  request.resume();
}

/**
 * Stores a file as CSV: a CSV as it is, a workbook (recognised by its content, never by its
 * name or declared type) as the CSV of its chosen sheet. Either way the inspector checks what is
 * stored, so the import job, its resume and its error file only ever read CSV.
 */
async function store(
  source: Readable,
  fileName: string | null,
  options: ReceiveOptions,
  fileOptions: FileOptions,
  watch: (stream: Transform) => void = () => {},
): Promise<ReceivedFile> {
  const head = await peek(source, 8);
  if (isLegacyExcel(head)) throw legacyExcel();
  if (isZip(head)) {
    return withSpooledWorkbook(
      source,
      options.limits.maxBytes,
      fileOptions.sheet,
      watch,
      async (workbook) => {
        // The workbook's size is checked above; the CSV of a sheet is bounded by the row limit.
        const inspector = new CsvUploadInspector(
          { maxBytes: Number.MAX_SAFE_INTEGER, maxRows: options.limits.maxRows },
          options.onRecord,
        );
        await options.storage.put(
          options.key,
          pipeline(workbook.csv, inspector, () => {}),
        );
        return {
          fileName,
          inspection: { ...inspector.result(), bytes: workbook.bytes },
          sheet: workbook.sheet(),
        };
      },
    );
  }
  const inspector = new CsvUploadInspector(options.limits, options.onRecord);
  watch(inspector);
  // Piped by hand: a pipeline would destroy the request (and the socket) on a limit error.
  inspector.on('error', () => {});
  source.pipe(inspector);
  source.once('error', (error) => inspector.destroy(error));
  await options.storage.put(options.key, inspector);
  return { fileName, inspection: inspector.result(), sheet: null };
}

function receiveRaw(request: IncomingMessage, options: ReceiveOptions): Promise<ReceivedUpload> {
  return (async () => {
    const fileOptions = await options.beforeFile({});
    let reading: Transform | null = null;
    const onAbort = () => reading?.destroy(aborted());
    request.once('aborted', onAbort);
    request.once('error', onAbort);
    try {
      const file = await store(request, null, options, fileOptions, (stream) => {
        reading = stream;
      });
      return { fields: {}, file };
    } catch (error) {
      discardRest(request, reading ?? undefined);
      throw error;
    } finally {
      request.off('aborted', onAbort);
      request.off('error', onAbort);
    }
  })();
}

function receiveMultipart(
  request: IncomingMessage,
  options: ReceiveOptions,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { files: 1, fields: 20, fieldSize: 256 * 1024, parts: 40, headerPairs: 100 },
      });
    } catch (error) {
      reject(
        new ProblemException(
          400,
          'invalid_multipart',
          `The multipart body cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let storing: Promise<ReceivedFile> | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      discardRest(request, parser);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        fail(
          new ProblemException(422, 'validation_failed', `The form field "${name}" is too long.`, {
            errors: [{ field: name, code: 'too_long', message: `${name} is too long` }],
          }),
        );
        return;
      }
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || storing) {
        stream.resume();
        return;
      }
      storing = options
        .beforeFile({ ...fields })
        .then((fileOptions) => store(stream, info.filename || null, options, fileOptions));
      storing.catch((error: unknown) => {
        stream.resume();
        fail(error);
      });
    });
    parser.on('error', (error: Error) =>
      fail(
        new ProblemException(
          400,
          'invalid_multipart',
          `The multipart body is malformed: ${error.message}`,
        ),
      ),
    );
    parser.on('close', () => {
      if (settled) return;
      (storing ?? Promise.resolve(null)).then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve({ fields, file });
        },
        (error: unknown) => fail(error),
      );
    });
    request.once('aborted', () => fail(aborted()));
    request.pipe(parser);
  });
}

/**
 * Streams an upload (multipart field `file`, or a raw CSV body) into storage under
 * `options.key` while the inspector enforces limits, never holding the file in memory.
 */
export async function receiveUpload(
  source: UploadSource & { kind: UploadKind },
  options: ReceiveOptions,
): Promise<ReceivedUpload> {
  const request = source.body;
  try {
    return await (source.kind === 'multipart'
      ? receiveMultipart(request, options)
      : receiveRaw(request, options));
  } catch (error) {
    throw clientGone(request) ? aborted() : error;
  }
}
