import { fieldErrorCatalog, type LeadFormSchema, type Locale } from '@leadbridge/core';
import { ImportsResource } from '@leadbridge/sdk/partner';
import type { ReactiveController } from 'lit';
import type { ImportViewElement } from '../components/import-view/import-view.component.js';
import { PreviewModel } from '../csv/preview-model.js';
import type { FromWorker, ToWorker } from '../csv/protocol.js';
import { startCsvWorker } from '../csv/start-worker.js';

/** Files with more rows than this are not previewed in the browser; the API checks them. */
const MAX_PREVIEW_ROWS = 250_000;

/** How much of the file the API's dry run reads to check the mapping (cut at a line end). */
const DRY_RUN_BYTES = 256 * 1024;
/** Encodings this preview reads the way the API does (its worker: UTF-8, else Windows-1252). */
const BROWSER_ENCODINGS = new Set(['utf-8', 'windows-1252']);

/** The file's first DRY_RUN_BYTES, ending after a newline (and its UTF-16 high byte). */
async function headOf(file: File): Promise<Blob> {
  if (file.size <= DRY_RUN_BYTES) return file;
  const bytes = new Uint8Array(await file.slice(0, DRY_RUN_BYTES).arrayBuffer());
  let end = bytes.lastIndexOf(0x0a) + 1;
  if (end > 0 && bytes[end] === 0) end++;
  return new Blob([bytes.subarray(0, end || bytes.length)], { type: 'text/csv' });
}

/**
 * Reads a CSV file off the page's thread for the Import view's preview: the reader worker
 * parses and checks rows, a helper on a second core checks every other slice, and the preview
 * model fills as slices arrive. A new mapping re-reads the file (a new generation); answers of
 * an older generation are dropped.
 */
export class CsvReaderController implements ReactiveController {
  /** The file as read and fixed so far: headers, rows, problems, mapping. */
  model = new PreviewModel({ fields: [] }, 'en');
  /** Bumped whenever the model changes, so the grid re-renders. */
  version = 0;
  /** The reader worker, and a helper that checks every other slice on another core. */
  private workers: Worker[] = [];
  /** Progress of the current reading (a new mapping starts a new generation). */
  private reading = { generation: 0, readerDone: false, delegated: 0, helped: 0 };
  /** The file being read. */
  private file: File | null = null;

  constructor(private readonly host: ImportViewElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Whether the mapping is still the first reading's own guess, untouched by the partner. */
  get untouched(): boolean {
    return this.reading.generation === 0 && Object.keys(this.model.overrides).length === 0;
  }

  stop(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  /** Drops the file: an empty model for the program's form. */
  clear(schema: LeadFormSchema, locale: Locale): void {
    this.stop();
    this.file = null;
    this.model = new PreviewModel(schema, locale);
  }

  /** Reads a file in the worker; rows arrive in slices and the preview fills as they do. */
  read(file: File, schema: LeadFormSchema, locale: Locale): void {
    this.clear(schema, locale);
    this.file = file;
    this.reading = { generation: 0, readerDone: false, delegated: 0, helped: 0 };
    const reader = startCsvWorker();
    this.workers = [reader];
    let helperPort: MessagePort | null = null;
    // A second core, when there is one, checks half of the rows while the reader parses.
    if ((navigator.hardwareConcurrency ?? 1) > 1) {
      const helper = startCsvWorker();
      const channel = new MessageChannel();
      helper.postMessage({ type: 'help', port: channel.port2 } satisfies ToWorker, [channel.port2]);
      helperPort = channel.port1;
      this.workers.push(helper);
    }
    this.workers.forEach((worker, index) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) =>
        this.onMessage(event.data, file, index > 0);
      worker.onerror = (event) => {
        this.stop();
        this.host.readFailed(
          this.host.context.t('import.readFailed', { detail: event.message || 'worker' }),
        );
      };
    });
    reader.postMessage(
      {
        type: 'parse',
        file,
        schema,
        locale,
        fieldErrors: fieldErrorCatalog(locale),
        maxRows: MAX_PREVIEW_ROWS,
        helper: helperPort,
      } satisfies ToWorker,
      helperPort ? [helperPort] : [],
    );
  }

  /**
   * Asks the API's dry run how it maps this file (its first 256 kB). Both sides map with core's
   * mapHeaders over the program's form, so they agree unless this browser read the file
   * differently (an encoding its reader does not know, like UTF-16) or holds an older copy of
   * the form. The API's mapping is taken when it leaves fewer required fields without a column
   * and the partner has not changed the mapping yet; a file the preview cannot read as the API
   * does is imported as it is, with the API's mapping. Any failure leaves the local preview.
   */
  async checkWithDryRun(file: File): Promise<void> {
    const host = this.host;
    const api = host.context.api;
    if (!api || host.preview) return;
    let answer: Awaited<ReturnType<ImportsResource['dryRun']>>;
    try {
      answer = await new ImportsResource(api.core).dryRun(await headOf(file), {
        fileName: file.name,
      });
    } catch {
      return;
    }
    const local = this.model.mapping;
    if (this.file !== file || !this.untouched) return;
    if (!BROWSER_ENCODINGS.has(answer.encoding)) {
      if (answer.missingRequired.length > 0) return;
      this.stop();
      host.problem = null;
      host.phase = { kind: 'unpreviewed', rows: answer.rowsTotal, file, encoding: answer.encoding };
      return;
    }
    if (!local) return;
    const known = new Set(host.fields.map((field) => field.key));
    const usable = Object.values(answer.mapping).every((key) => key === null || known.has(key));
    if (!usable || answer.missingRequired.length >= local.missingRequired.length) return;
    host.mappingFromServer = true;
    this.remap(
      Object.fromEntries(
        Object.entries(answer.mapping).map(([index, key]) => [Number(index), key]),
      ),
    );
  }

  /** Maps the columns as the partner chose (null: ignored) and checks every row again. */
  remap(overrides: Record<number, string | null>): void {
    this.model.overrides = overrides;
    this.workers[0]?.postMessage({ type: 'remap', overrides } satisfies ToWorker);
  }

  /** A cell fixed in the preview (checked again on the page, with the current mapping). */
  edit(row: number, column: number, value: string): void {
    this.model.editCell(row, column, value);
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.host.requestUpdate();
  }

  /** Done when the reader is through the file and the helper has reported every slice it got. */
  private maybeFinished(): void {
    const reading = this.reading;
    if (!reading.readerDone || reading.helped < reading.delegated) return;
    this.model.done = true;
    this.host.readDone();
  }

  private onMessage(message: FromWorker, file: File, fromHelper: boolean): void {
    const { model, reading, host } = this;
    if (
      'generation' in message &&
      message.type !== 'header' &&
      message.generation !== reading.generation
    )
      return;
    switch (message.type) {
      case 'header':
        this.reading = {
          generation: message.generation,
          readerDone: false,
          delegated: 0,
          helped: 0,
        };
        model.headers = message.headers;
        model.mapping = message.mapping;
        model.done = false;
        if (message.generation === 0 && !fromHelper) void this.checkWithDryRun(file);
        break;
      case 'rows':
        model.addRows(
          message.start,
          message.rows,
          message.checked ? message.issues : null,
          message.examples,
        );
        host.readProgress(model.total);
        break;
      case 'issues':
        model.setIssues(message.start, message.end, message.issues, message.examples);
        if (fromHelper) reading.helped++;
        this.maybeFinished();
        break;
      case 'done':
        reading.readerDone = true;
        reading.delegated = message.delegated;
        this.maybeFinished();
        break;
      case 'too-large':
        this.stop();
        host.phase = { kind: 'unpreviewed', rows: message.rows, file };
        break;
      case 'failed': {
        this.stop();
        const t = host.context.t;
        host.readFailed(
          message.code === 'not_csv'
            ? t('import.notCsv', { name: file.name })
            : message.code === 'empty'
              ? t('import.empty')
              : t('import.readFailed', { detail: message.detail }),
        );
        // Not text to this browser (UTF-16 has NUL bytes) may still be a CSV the API reads.
        if (message.code === 'not_csv') void this.checkWithDryRun(file);
        break;
      }
    }
    this.changed();
  }
}
