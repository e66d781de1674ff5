import {
  csvTemplate,
  type FormField,
  fieldErrorCatalog,
  type HeaderMapping,
  writeCsv,
} from '@leadbridge/core';
import { ImportsResource, randomUuid } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { failureOf } from '../../api/problems.js';
import type { LeadImport } from '../../api/types.js';
import { PreviewModel } from '../../csv/preview-model.js';
import type { FromWorker, ToWorker } from '../../csv/protocol.js';
import { startCsvWorker } from '../../csv/start-worker.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { formFields } from '../../fields/form-values.js';
import { formatCount } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import { downloadText } from '../import-history/download.js';
import '../import-history/import-history.component.js';
import '../preview-grid/preview-grid.component.js';
import { importViewStyles } from './import-view.styles.js';

/** Files with more rows than this are not previewed in the browser; the API checks them. */
const MAX_PREVIEW_ROWS = 250_000;
const POLL_MS = 750;
/** How much of the file the API's dry run reads to check the mapping (cut at a line end). */
const DRY_RUN_BYTES = 256 * 1024;
/** Encodings this preview reads the way the API does (its worker: UTF-8, else Windows-1252). */
const BROWSER_ENCODINGS = new Set(['utf-8', 'windows-1252']);
const ENDED = new Set(['completed', 'failed', 'cancelled']);

/** The file's first DRY_RUN_BYTES, ending after a newline (and its UTF-16 high byte). */
async function headOf(file: File): Promise<Blob> {
  if (file.size <= DRY_RUN_BYTES) return file;
  const bytes = new Uint8Array(await file.slice(0, DRY_RUN_BYTES).arrayBuffer());
  let end = bytes.lastIndexOf(0x0a) + 1;
  if (end > 0 && bytes[end] === 0) end++;
  return new Blob([bytes.subarray(0, end || bytes.length)], { type: 'text/csv' });
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'reading'; rows: number }
  | { kind: 'preview' }
  | { kind: 'unpreviewed'; rows: number; file: File; encoding?: string }
  | { kind: 'uploading' }
  | { kind: 'importing'; item: LeadImport }
  | { kind: 'done'; item: LeadImport }
  | { kind: 'previewSent' };

/**
 * CSV import, as the help article describes it: download the template, add a file (drag and
 * drop or "Add file"), check every row in the preview and fix bad cells in place, then "Import
 * and submit" and follow the progress; import history with each import's error CSV below.
 */
export class ImportViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, importViewStyles];
  static override properties = {
    ...ContextView.properties,
    preview: { attribute: false },
    startWithHistory: { attribute: false },
    showBack: { attribute: false },
    phase: { state: true },
    version: { state: true },
    fileName: { state: true },
    problem: { state: true },
    dragging: { state: true },
    onlyInvalid: { state: true },
    historyVersion: { state: true },
    mappingFromServer: { state: true },
    cancelling: { state: true },
  };

  declare preview: boolean;
  declare startWithHistory: boolean;
  declare showBack: boolean;
  declare phase: Phase;
  declare version: number;
  declare fileName: string;
  declare problem: string | null;
  declare dragging: boolean;
  declare onlyInvalid: boolean;
  declare historyVersion: number;
  /** The API's dry run mapped required columns this browser's guess missed, and was taken. */
  declare mappingFromServer: boolean;
  declare cancelling: boolean;

  private model = new PreviewModel({ fields: [] }, 'en');
  /** The reader worker, and a helper that checks every other slice on another core. */
  private workers: Worker[] = [];
  /** Progress of the current reading (a new mapping starts a new generation). */
  private reading = { generation: 0, readerDone: false, delegated: 0, helped: 0 };
  private fields: FormField[] = [];
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private uploadKey: string | null = null;

  constructor() {
    super();
    this.preview = false;
    this.startWithHistory = false;
    this.showBack = true;
    this.phase = { kind: 'choose' };
    this.version = 0;
    this.fileName = '';
    this.problem = null;
    this.dragging = false;
    this.onlyInvalid = false;
    this.historyVersion = 0;
    this.mappingFromServer = false;
    this.cancelling = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context')) this.fields = formFields(this.context.program.formSchema);
  }

  protected override firstUpdated(): void {
    if (this.startWithHistory) {
      this.querySelector<HTMLElement>('#import-history-title')?.scrollIntoView({ block: 'start' });
      this.querySelector<HTMLElement>('#import-history-title')?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWorker();
    clearTimeout(this.pollTimer);
  }

  private stopWorker(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  private get t() {
    return this.context.t;
  }

  private downloadTemplate(): void {
    const name = (this.context.program.name || 'leads')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '');
    // Excel reads UTF-8 only with a BOM; every importer (ours included) skips it.
    downloadText(
      `${name || 'leads'}-template.csv`,
      csvTemplate(this.context.program.formSchema, { bom: true }),
      'text/csv;charset=utf-8',
    );
  }

  // ── reading a file ────────────────────────────────────────────────────────────

  private pick(): void {
    this.querySelector<HTMLInputElement>('#import-file')?.click();
  }

  private onFileInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.read(file);
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) this.read(file);
  }

  /** Reads a file in the worker; rows arrive in slices and the preview fills as they do. */
  read(file: File): void {
    this.stopWorker();
    this.problem = null;
    this.fileName = file.name;
    this.onlyInvalid = false;
    this.mappingFromServer = false;
    if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/csv|text\/plain|tab-separated/.test(file.type)) {
      this.problem = this.t('import.notCsv', { name: file.name });
      this.phase = { kind: 'choose' };
      return;
    }
    this.model = new PreviewModel(this.context.program.formSchema, this.context.locale);
    this.phase = { kind: 'reading', rows: 0 };
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
        this.onWorkerMessage(event.data, file, index > 0);
      worker.onerror = (event) => {
        this.problem = this.t('import.readFailed', { detail: event.message || 'worker' });
        this.phase = { kind: 'choose' };
        this.stopWorker();
      };
    });
    reader.postMessage(
      {
        type: 'parse',
        file,
        schema: this.context.program.formSchema,
        locale: this.context.locale,
        fieldErrors: fieldErrorCatalog(this.context.locale),
        maxRows: MAX_PREVIEW_ROWS,
        helper: helperPort,
      } satisfies ToWorker,
      helperPort ? [helperPort] : [],
    );
  }

  private send(message: ToWorker): void {
    this.workers[0]?.postMessage(message);
  }

  /** Done when the reader is through the file and the helper has reported every slice it got. */
  private maybeFinished(): void {
    const reading = this.reading;
    if (!reading.readerDone || reading.helped < reading.delegated) return;
    this.model.done = true;
    if (this.phase.kind === 'reading') {
      this.phase = { kind: 'preview' };
      void this.updateComplete.then(() =>
        this.querySelector<HTMLElement>('#import-preview-title')?.focus(),
      );
    }
  }

  private onWorkerMessage(message: FromWorker, file: File, fromHelper: boolean): void {
    const model = this.model;
    const reading = this.reading;
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
        if (this.phase.kind === 'reading') this.phase = { kind: 'reading', rows: model.total };
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
        this.stopWorker();
        this.phase = { kind: 'unpreviewed', rows: message.rows, file };
        break;
      case 'failed':
        this.stopWorker();
        this.phase = { kind: 'choose' };
        this.problem =
          message.code === 'not_csv'
            ? this.t('import.notCsv', { name: file.name })
            : message.code === 'empty'
              ? this.t('import.empty')
              : this.t('import.readFailed', { detail: message.detail });
        // Not text to this browser (UTF-16 has NUL bytes) may still be a CSV the API reads.
        if (message.code === 'not_csv') void this.checkWithDryRun(file);
        break;
    }
    this.version++;
  }

  // ── mapping and fixing ────────────────────────────────────────────────────────

  private onMap(column: number, key: string): void {
    this.mappingFromServer = false;
    this.model.overrides = { ...this.model.overrides, [column]: key === '' ? null : key };
    this.send({ type: 'remap', overrides: this.model.overrides });
  }

  /**
   * Asks the API's dry run how it maps this file (its first 256 kB). Both sides map with core's
   * mapHeaders over the program's form, so they agree unless this browser read the file
   * differently (an encoding its reader does not know, like UTF-16) or holds an older copy of
   * the form. The API's mapping is taken when it leaves fewer required fields without a column
   * and the partner has not changed the mapping yet; a file the preview cannot read as the API
   * does is imported as it is, with the API's mapping. Any failure leaves the local preview.
   */
  private async checkWithDryRun(file: File): Promise<void> {
    const api = this.context.api;
    if (!api || this.preview) return;
    let answer: Awaited<ReturnType<ImportsResource['dryRun']>>;
    try {
      answer = await new ImportsResource(api.core).dryRun(await headOf(file), {
        fileName: file.name,
      });
    } catch {
      return;
    }
    const local = this.model.mapping;
    const untouched = Object.keys(this.model.overrides).length === 0;
    if (this.fileName !== file.name || this.reading.generation !== 0 || !untouched) return;
    if (!BROWSER_ENCODINGS.has(answer.encoding)) {
      if (answer.missingRequired.length > 0) return;
      this.stopWorker();
      this.problem = null;
      this.phase = { kind: 'unpreviewed', rows: answer.rowsTotal, file, encoding: answer.encoding };
      return;
    }
    if (!local) return;
    const known = new Set(this.fields.map((field) => field.key));
    const usable = Object.values(answer.mapping).every((key) => key === null || known.has(key));
    if (!usable || answer.missingRequired.length >= local.missingRequired.length) return;
    this.model.overrides = Object.fromEntries(
      Object.entries(answer.mapping).map(([index, key]) => [Number(index), key]),
    );
    this.mappingFromServer = true;
    this.send({ type: 'remap', overrides: this.model.overrides });
  }

  private onEdit = (row: number, column: number, value: string) => {
    this.model.editCell(row, column, value);
    this.version++;
  };

  /** "A, B and C", as the widget's language writes a list. */
  private labelsOf(keys: readonly string[]): string {
    return new Intl.ListFormat(this.context.locale, { type: 'conjunction' }).format(
      keys.map((key) => this.fields.find((field) => field.key === key)?.label ?? key),
    );
  }

  // ── importing ─────────────────────────────────────────────────────────────────

  private fullMapping(mapping: HeaderMapping | null): Record<string, string | null> {
    const result: Record<string, string | null> = {};
    (mapping?.columns ?? []).forEach((key, index) => {
      result[String(index)] = key;
    });
    return result;
  }

  private async submit(): Promise<void> {
    const phase = this.phase;
    if (this.preview) {
      this.phase = { kind: 'previewSent' };
      return;
    }
    const api = this.context.api;
    if (!api) return;
    this.problem = null;
    let body: Blob;
    let mapping: Record<string, string | null> | undefined;
    if (phase.kind === 'unpreviewed') {
      body = phase.file;
    } else {
      // The file as the partner fixed it, in core's CSV dialect, and the columns as mapped.
      body = new Blob([writeCsv([this.model.headers, ...this.model.rows])], { type: 'text/csv' });
      mapping = this.fullMapping(this.model.mapping);
    }
    this.uploadKey ??= randomUuid();
    this.phase = { kind: 'uploading' };
    try {
      const item = await new ImportsResource(api.core).create(
        body,
        { fileName: this.fileName, ...(mapping ? { mapping } : {}) },
        { idempotencyKey: this.uploadKey },
      );
      this.uploadKey = null;
      this.stopWorker();
      this.follow(item);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      this.uploadKey = null;
      this.phase = phase.kind === 'unpreviewed' ? phase : { kind: 'preview' };
      this.problem =
        failure.code === 'import_already_running'
          ? this.t('import.running')
          : failure.code === 'lead_import_disabled'
            ? this.t('import.disabled')
            : failure.status === 0
              ? this.t('shell.error.network')
              : failure.detail || this.t('shell.error.generic');
      emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message: this.problem });
    }
  }

  /** Polls the import until it has finished, showing its progress. */
  private follow(item: LeadImport): void {
    this.phase = { kind: 'importing', item };
    if (ENDED.has(item.status)) {
      this.finish(item);
      return;
    }
    this.pollTimer = setTimeout(async () => {
      const api = this.context.api;
      if (!api || !this.isConnected) return;
      try {
        this.follow(await new ImportsResource(api.core).get(item.id));
      } catch (error) {
        const failure = failureOf(error);
        if (failure.status === 401) {
          this.context.sessionExpired();
          return;
        }
        // A dropped poll is not the import failing: keep following.
        this.follow(item);
      }
    }, POLL_MS);
  }

  /** Stops the running import: what it imported so far stays, the rest is not processed. */
  private async cancel(item: LeadImport): Promise<void> {
    const api = this.context.api;
    if (!api || this.cancelling) return;
    this.cancelling = true;
    this.problem = null;
    try {
      const cancelled = await new ImportsResource(api.core).cancel(item.id);
      clearTimeout(this.pollTimer);
      this.follow(cancelled);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      // It finished before the cancel arrived: the next poll shows how it ended.
      else if (failure.code !== 'import_not_running') {
        this.problem =
          failure.status === 0
            ? this.t('shell.error.network')
            : failure.detail || this.t('shell.error.generic');
      }
    } finally {
      this.cancelling = false;
    }
  }

  private finish(item: LeadImport): void {
    this.phase = { kind: 'done', item };
    this.historyVersion++;
    if (item.status === 'cancelled') {
      // The partner stopped it; the result and the history say so, it is no error.
    } else if (item.status === 'completed') {
      emitLeadFormEvent(this, 'lead-form:imported', {
        importId: item.id,
        rowsImported: item.rowsImported,
        rowsFailed: item.rowsFailed,
        rowsDuplicate: item.rowsDuplicate,
      });
    } else {
      emitLeadFormEvent(this, 'lead-form:error', {
        code: 'import_failed',
        message: item.error ?? '',
      });
    }
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#import-result')?.focus());
  }

  private reset(): void {
    this.stopWorker();
    this.model = new PreviewModel(this.context.program.formSchema, this.context.locale);
    this.phase = { kind: 'choose' };
    this.problem = null;
    this.fileName = '';
    this.mappingFromServer = false;
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>('#import-add-file')?.focus(),
    );
  }

  // ── rendering ─────────────────────────────────────────────────────────────────

  private renderChooser(): TemplateResult {
    const t = this.t;
    const reading = this.phase.kind === 'reading' ? this.phase : null;
    return html`<div
      class="dropzone ${this.dragging ? 'dragging' : ''}"
      part="dropzone"
      @dragover=${this.onDragOver}
      @dragenter=${this.onDragOver}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.onDrop}
    >
      <p>${this.dragging ? t('import.dropActive') : t('import.drop')}</p>
      <button type="button" id="import-add-file" part="button add-file" @click=${() => this.pick()}>
        ${t('import.addFile')}
      </button>
      <input id="import-file" type="file" accept=".csv,.txt,text/csv" hidden @change=${this.onFileInput} />
      ${
        reading
          ? html`<p role="status" part="reading">
              ${t('import.parsing', { name: this.fileName, count: reading.rows })}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderMapping(): TemplateResult {
    const t = this.t;
    const mapping = this.model.mapping;
    const columns = mapping?.columns ?? [];
    return html`<section class="stack" aria-labelledby="import-mapping-title">
      <h4 id="import-mapping-title">${t('import.mapping')}</h4>
      <p class="muted">${t('import.mappingHelp')}</p>
      ${this.mappingFromServer ? html`<p class="muted" part="mapping-note" role="status">${t('import.mappingFromServer')}</p>` : nothing}
      <div class="mapping" part="mapping">
        ${this.model.headers.map(
          (header, index) => html`<div class="field" part="field">
            <label for="import-map-${index}" part="label">${t('import.column', { header })}</label>
            <select id="import-map-${index}" part="select" @change=${(event: Event) => this.onMap(index, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!columns[index]}>${t('import.ignore')}</option>
              ${this.fields.map(
                (field) =>
                  html`<option value=${field.key} ?selected=${columns[index] === field.key}>${field.label}${field.required ? ' *' : ''}</option>`,
              )}
            </select>
          </div>`,
        )}
      </div>
      ${
        mapping?.missingRequired.length
          ? html`<p class="warning" part="warning" role="alert">
              ${t('import.missingRequired', {
                fields: this.labelsOf(mapping.missingRequired),
                count: mapping.missingRequired.length,
              })}
            </p>`
          : nothing
      }
      ${
        mapping?.duplicated.length
          ? html`<p class="warning" part="warning">${t('import.duplicated', { fields: this.labelsOf(mapping.duplicated) })}</p>`
          : nothing
      }
    </section>`;
  }

  private renderPreview(): TemplateResult {
    const t = this.t;
    const model = this.model;
    const locale = this.context.locale;
    const blocked = (model.mapping?.missingRequired.length ?? 0) > 0;
    const uploading = this.phase.kind === 'uploading';
    return html`${this.renderMapping()}
      <section class="stack" aria-labelledby="import-preview-title">
        <h4 id="import-preview-title" tabindex="-1">${t('import.preview')} — ${this.fileName}</h4>
        <p class="counts" part="counts" role="status">
          ${t('import.counts', {
            valid: formatCount(model.validCount, locale),
            invalid: formatCount(model.invalidCount, locale),
            total: formatCount(model.total, locale),
          })}
        </p>
        ${
          model.invalidCount > 0
            ? html`<label class="choice" part="only-invalid">
                <input
                  type="checkbox"
                  part="checkbox"
                  .checked=${this.onlyInvalid}
                  @change=${(event: Event) => (this.onlyInvalid = (event.target as HTMLInputElement).checked)}
                />
                ${t('import.onlyInvalid')}
              </label>`
            : nothing
        }
        <lead-form-preview-grid
          .model=${model}
          .version=${this.version}
          .fields=${this.fields}
          .onlyInvalid=${this.onlyInvalid && model.invalidCount > 0}
          .fileName=${this.fileName}
          .t=${t}
          .locale=${locale}
          .readOnly=${uploading}
          .onEdit=${this.onEdit}
        ></lead-form-preview-grid>
        ${model.invalidCount > 0 ? html`<p class="muted">${t('import.submitInvalid')}</p>` : nothing}
        <div class="actions">
          <button
            type="button"
            class="primary"
            part="button button-primary import-submit"
            aria-disabled=${blocked || uploading ? 'true' : 'false'}
            @click=${() => (blocked || uploading ? undefined : void this.submit())}
          >
            ${uploading ? t('import.uploading') : t('import.submit')}
          </button>
          <button type="button" part="button" @click=${() => this.reset()}>${t('import.chooseOther')}</button>
        </div>
      </section>`;
  }

  private renderProgress(item: LeadImport): TemplateResult {
    const t = this.t;
    const locale = this.context.locale;
    const total = item.rowsTotal ?? 0;
    return html`<div class="stack" part="progress">
      <label for="import-progress">
        ${t('import.progress', { processed: formatCount(item.rowsProcessed, locale), total: formatCount(total, locale) })}
      </label>
      <progress id="import-progress" part="progress-bar" max=${Math.max(total, 1)} value=${item.rowsProcessed}></progress>
      <div class="actions">
        <button
          type="button"
          part="button import-cancel"
          aria-disabled=${this.cancelling ? 'true' : 'false'}
          @click=${() => void this.cancel(item)}
        >
          ${this.cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </div>`;
  }

  private renderResult(item: LeadImport): TemplateResult {
    const t = this.t;
    const locale = this.context.locale;
    const ok = item.status === 'completed' || item.status === 'cancelled';
    const counts = {
      imported: formatCount(item.rowsImported, locale),
      failed: formatCount(item.rowsFailed, locale),
      duplicate: formatCount(item.rowsDuplicate, locale),
    };
    return html`<div class=${ok ? 'success' : 'alert'} part=${ok ? 'success' : 'alert'} role="status">
      <p id="import-result" tabindex="-1">
        ${
          item.status === 'cancelled'
            ? t('import.cancelledResult', counts)
            : ok
              ? t('import.done', counts)
              : t('import.failed', { detail: item.error ?? '' })
        }
      </p>
      <div class="actions">
        <button type="button" part="button" @click=${() => this.reset()}>${t('import.another')}</button>
        ${
          ok && item.rowsImported > 0 && this.showBack
            ? html`<button type="button" part="button" @click=${() => this.context.navigate({ view: 'leads' })}>
                ${t('submit.success.viewLeads')}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const phase = this.phase;
    const t = this.t;
    switch (phase.kind) {
      case 'choose':
      case 'reading':
        return this.renderChooser();
      case 'preview':
      case 'uploading':
        return this.renderPreview();
      case 'unpreviewed':
        return html`<p class="notice" part="notice">${
          phase.encoding
            ? t('import.encodingNotPreviewed', { encoding: phase.encoding.toUpperCase() })
            : t('import.tooLarge', { rows: formatCount(phase.rows, this.context.locale) })
        }</p>
          <div class="actions">
            <button type="button" class="primary" part="button button-primary import-submit" @click=${() => void this.submit()}>
              ${t('import.submit')}
            </button>
            <button type="button" part="button" @click=${() => this.reset()}>${t('import.chooseOther')}</button>
          </div>`;
      case 'importing':
        return this.renderProgress(phase.item);
      case 'done':
        return this.renderResult(phase.item);
      case 'previewSent':
        return html`<div class="success" part="success" role="status">
          <p>${t('import.preview.note')}</p>
          <div class="actions"><button type="button" part="button" @click=${() => this.reset()}>${t('import.another')}</button></div>
        </div>`;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.context.program.leadImportEnabled) {
      return html`<p class="notice" part="notice">${t('import.disabled')}</p>`;
    }
    return html`${
      this.showBack
        ? html`<div>
            <button type="button" class="link" part="button button-link back" @click=${() => this.context.navigate({ view: 'submit' })}>
              ← ${t('import.back')}
            </button>
          </div>`
        : nothing
    }
      <div class="spread">
        <h3 part="view-title">${t('import.title')}</h3>
        <button type="button" part="button template-button" @click=${() => this.downloadTemplate()}>${t('import.template')}</button>
      </div>
      <p class="muted" part="intro">${t('import.steps')}</p>
      ${this.problem ? html`<p class="alert" part="alert" role="alert">${this.problem}</p>` : nothing}
      ${this.renderBody()}
      ${
        this.preview || !this.context.api
          ? nothing
          : html`<section class="stack" aria-labelledby="import-history-title">
              <h3 id="import-history-title" tabindex="-1" part="view-title">${t('import.history')}</h3>
              <lead-form-import-history
                .api=${this.context.api}
                .t=${t}
                .locale=${this.context.locale}
                .refresh=${this.historyVersion}
                .onSessionExpired=${this.context.sessionExpired}
              ></lead-form-import-history>
            </section>`
      }`;
  }
}

defineOnce('lead-form-import', ImportViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-import': ImportViewElement;
  }
}
