import type { LeadFormSchema } from '@leadbridge/core';
import type { Json } from './fixtures';
import { CUSTOM_FORM } from './leads';
import { storageEnv } from './storage';
import type { HttpResponse, TestApi } from './test-api';

const IMPORT_FIELDS = new Set(['budget', 'size']);

/** Built-in fields plus a required number and an optional select, as CSV columns see them. */
export const IMPORT_FORM: LeadFormSchema = {
  fields: CUSTOM_FORM.fields.filter((field) => field.builtIn || IMPORT_FIELDS.has(field.key)),
};

/** Env for startTestApi: uploads land in a throwaway directory, or an S3 prefix (storage.ts). */
export function importEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...storageEnv(), ...extra };
}

export interface UploadOptions {
  token: string;
  /** Raw `text/csv` body instead of multipart. */
  raw?: boolean;
  fileName?: string;
  /** Multipart fields (or query parameters for raw bodies). */
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  contentType?: string;
  /** Multipart: send the form fields after the file part (browsers keep the order appended). */
  fieldsAfterFile?: boolean;
}

async function toResponse(response: Response): Promise<HttpResponse<Json>> {
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
  return {
    status: response.status,
    headers: response.headers,
    body: json ? JSON.parse(text) : text,
    text,
  };
}

/** POST /v1/imports the way the widget (multipart) or an integration (raw CSV) does. */
export async function upload(
  api: TestApi,
  csv: string | Buffer,
  options: UploadOptions,
): Promise<HttpResponse<Json>> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    ...options.headers,
  };
  if (options.raw) {
    const query = new URLSearchParams(options.fields ?? {}).toString();
    headers['content-type'] = options.contentType ?? 'text/csv';
    const response = await fetch(`${api.url}/v1/imports${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers,
      body: csv,
    });
    return toResponse(response);
  }
  const form = new FormData();
  const appendFields = () => {
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  };
  if (!options.fieldsAfterFile) appendFields();
  form.append(
    'file',
    new Blob([csv], { type: options.contentType ?? 'text/csv' }),
    options.fileName ?? 'leads.csv',
  );
  if (options.fieldsAfterFile) appendFields();
  const response = await fetch(`${api.url}/v1/imports`, { method: 'POST', headers, body: form });
  return toResponse(response);
}

const ENDED = new Set(['completed', 'failed', 'cancelled']);

/** Polls the import until it has ended (completed, failed or cancelled). */
export async function waitForImport(
  api: TestApi,
  token: string,
  id: string,
  timeoutMs = 60_000,
): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.http.get(`/v1/imports/${id}`, { token });
    if (response.status !== 200)
      throw new Error(`GET import ${id}: ${response.status} ${response.text}`);
    if (ENDED.has(response.body.status)) return response.body;
    if (Date.now() > deadline) {
      throw new Error(`import ${id} still ${response.body.status}:\n${api.output().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Uploads and waits: the finished import. */
export async function importCsv(
  api: TestApi,
  csv: string | Buffer,
  options: UploadOptions,
): Promise<Json> {
  const response = await upload(api, csv, options);
  if (response.status !== 202) {
    throw new Error(`upload answered ${response.status}: ${response.text}`);
  }
  return waitForImport(api, options.token, response.body.id);
}

/** CSV text from rows of cells (RFC 4180 quoting), joined with `newline`. */
export function csvOf(rows: string[][], newline = '\r\n', delimiter = ','): string {
  return (
    rows
      .map((row) =>
        row
          .map((cell) =>
            /["\r\n]/.test(cell) || cell.includes(delimiter)
              ? `"${cell.replace(/"/g, '""')}"`
              : cell,
          )
          .join(delimiter),
      )
      .join(newline) + newline
  );
}

/** Reads an error CSV the way a spreadsheet would: BOM stripped, quotes respected. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\ufeff/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && input[i + 1] === '\n') {
      // CRLF ends the record at the \n
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
