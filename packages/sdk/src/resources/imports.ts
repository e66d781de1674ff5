import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type { Import, ImportDryRun, ImportPage, ListQuery, QueryOf } from '../types.js';
import { Resource } from './resource.js';

/**
 * A CSV file or an Excel workbook (.xlsx; the API tells them apart by content): a `File`/`Blob`,
 * its text (CSV), or a stream of its bytes (sent without buffering).
 */
export type ImportSource =
  | Blob
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

/** Where an import goes and how its columns map, for {@link Imports.create}. */
export interface CreateImportParams extends Omit<QueryOf<'createImport'>, 'mapping'> {
  /**
   * Corrections to the automatic header mapping: column index → field key, or null to ignore
   * the column. (A JSON string in that shape is accepted too.)
   */
  mapping?: Record<string, string | null> | string;
}

function isStream(source: ImportSource): source is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && source instanceof ReadableStream;
}

function isAsyncIterable(source: ImportSource): source is AsyncIterable<Uint8Array | string> {
  return typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** An async iterable (e.g. a Node `Readable` from `fs.createReadStream`) as a web stream. */
function toWebStream(source: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else
        controller.enqueue(
          typeof next.value === 'string' ? encoder.encode(next.value) : next.value,
        );
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** CSV and Excel workbook imports of leads, their progress, history and error files. */
export class Imports extends Resource {
  /**
   * Uploads a CSV or Excel workbook of leads and queues its import (a workbook's first visible
   * sheet, or the one `sheet` names); resolves at once with the queued import (poll
   * `get` for progress). Partners import into their own program; company principals pass
   * `programId` and `partnerKey`/`partnerId`. A `File` keeps its name in import history (else
   * pass `fileName`). Blobs and strings are retried safely (same `Idempotency-Key`); a stream
   * can be sent only once, so it is not retried.
   */
  create(
    file: ImportSource,
    params: CreateImportParams = {},
    options?: RequestOptions,
  ): Promise<Import> {
    return this.core.run(this.core.http.POST('/v1/imports', this.upload(file, params, options)));
  }

  /**
   * A dry run (validate only): reads the file exactly as `create` would and resolves with the
   * automatic column mapping (`mapping`, `columns`, `missingRequired`), the counts and the first
   * rows' problems. Stores nothing. Same parameters as `create`.
   */
  dryRun(
    file: ImportSource,
    params: CreateImportParams = {},
    options?: RequestOptions,
  ): Promise<ImportDryRun> {
    return this.core.run(
      this.core.http.POST('/v1/imports/dry-run', this.upload(file, params, options)),
    );
  }

  /**
   * Cancels a queued or processing import: it ends `cancelled`, the rows already imported stay,
   * the rest of the file is not processed. A finished import rejects with `import_not_running`.
   */
  cancel(id: string, options?: RequestOptions): Promise<Import> {
    return this.core.run(
      this.core.http.POST('/v1/imports/{id}/cancel', {
        params: { path: { id } },
        ...this.core.init('POST', options),
      }),
    );
  }

  /** The request options of an upload (both routes take the same body and query). */
  private upload(
    file: ImportSource,
    params: CreateImportParams,
    options: RequestOptions | undefined,
  ) {
    const { mapping, ...rest } = params;
    const query: QueryOf<'createImport'> = { ...rest };
    if (mapping !== undefined) {
      query.mapping = typeof mapping === 'string' ? mapping : JSON.stringify(mapping);
    }
    const name = (file as { name?: unknown }).name;
    if (query.fileName === undefined && typeof name === 'string' && name) query.fileName = name;
    const streamed = typeof file !== 'string' && !(file instanceof Blob);
    const body = streamed && !isStream(file) && isAsyncIterable(file) ? toWebStream(file) : file;
    const init = this.core.init('POST', options, !streamed);
    return {
      params: { query },
      // The document describes the multipart form; the API takes the raw file too, which streams
      // (a workbook is recognised by its content, whatever the declared type).
      body: body as never,
      bodySerializer: (raw: unknown) => raw,
      ...init,
      headers: { 'Content-Type': 'text/csv', ...init.headers },
      // Node's fetch needs `duplex` for a streamed body; browsers ignore it.
      ...(streamed ? { duplex: 'half' } : {}),
    };
  }

  /** One import with its status, progress and counts. */
  get(id: string, options?: RequestOptions): Promise<Import> {
    return this.core.run(
      this.core.http.GET('/v1/imports/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Import history, newest first: a company sees all imports, a partner its own. */
  list(
    query: ListQuery<'listImports'> = {},
    options?: RequestOptions,
  ): PagePromise<Import, ImportPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/imports', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /**
   * The rows that were not imported, with the file's own columns plus `error`, as CSV text.
   * Fix them and upload the file again.
   */
  errorsCsv(id: string, options?: RequestOptions): Promise<string> {
    return this.core.run(
      this.core.http.GET('/v1/imports/{id}/errors.csv', {
        params: { path: { id } },
        parseAs: 'text',
        ...this.core.init('GET', options),
      }),
    );
  }

  /**
   * The CSV template to fill in: of the partner session's program, or — for company
   * principals — of `programId`.
   */
  template(programId?: string, options?: RequestOptions): Promise<string> {
    if (programId === undefined) {
      return this.core.run(
        this.core.http.GET('/v1/partner/lead-template.csv', {
          parseAs: 'text',
          ...this.core.init('GET', options),
        }),
      );
    }
    return this.core.run(
      this.core.http.GET('/v1/programs/{id}/lead-template.csv', {
        params: { path: { id: programId } },
        parseAs: 'text',
        ...this.core.init('GET', options),
      }),
    );
  }
}
