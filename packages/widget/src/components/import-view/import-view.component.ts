import { type FormField, type HeaderMapping, writeCsv } from '@leadbridge/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LeadImport } from '../../api/types.js';
import { CsvReaderController } from '../../controllers/csv-reader.controller.js';
import { ImportJobController } from '../../controllers/import-job.controller.js';
import { isWorkbookFile, WorkbookController } from '../../controllers/workbook.controller.js';
import { defineOnce } from '../../define.js';
import { formFields } from '../../fields/form-values.js';
import { formatCount } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import '../import-history/import-history.component.js';
import '../preview-grid/preview-grid.component.js';
import './import-dropzone.component.js';
import './import-mapping.component.js';
import {
  renderPreviewSent,
  renderProgress,
  renderResult,
  renderUnpreviewed,
} from './import-progress.js';
import { renderSheetPicker } from './import-sheet-picker.js';
import { downloadTemplate } from './import-template.js';
import { importViewStyles } from './import-view.styles.js';

/** Where the import is: choosing a file, reading it, its preview, and the import on the server. */
export type ImportPhase =
  | { kind: 'choose' }
  | { kind: 'reading'; rows: number }
  /** A workbook with several visible sheets: the partner picks one. */
  | { kind: 'sheet'; sheets: string[] }
  | { kind: 'preview' }
  | { kind: 'unpreviewed'; rows: number; file: File; encoding?: string }
  | { kind: 'uploading' }
  | { kind: 'importing'; item: LeadImport }
  | { kind: 'done'; item: LeadImport }
  | { kind: 'previewSent' };

/**
 * CSV and Excel (.xlsx) import, as the help article describes it: download the template, add a
 * file (drag and drop or "Add file"; a workbook with several visible sheets asks which one —
 * hidden sheets are not offered), check every row in the preview and fix bad cells in place, then "Import
 * and submit" and follow the progress; import history with each import's error CSV below.
 * Reading is the CsvReaderController's, the import on the server the ImportJobController's.
 *
 * @summary "Import leads", inside `<lead-form>`.
 *
 * @csspart back - "← Back" to the form.
 * @csspart template-button - "Download CSV template".
 * @csspart counts - Valid, invalid and total rows.
 * @csspart only-invalid - "Show only rows with problems".
 * @csspart sheet-picker - A workbook's sheet picker.
 * @csspart sheet-choice - One sheet in it.
 * @csspart sheet-read - "Preview this sheet".
 * @csspart radio - A radio button (each sheet of the sheet picker).
 * @csspart import-submit - "Import and submit".
 * @csspart import-cancel - "Cancel import".
 * @csspart progress - The running import's progress.
 * @csspart progress-bar - Its progress bar.
 */
export class ImportViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, importViewStyles];
  static override properties = {
    ...ContextView.properties,
    preview: { attribute: false },
    startWithHistory: { attribute: false },
    showBack: { attribute: false },
    phase: { state: true },
    fileName: { state: true },
    problem: { state: true },
    onlyInvalid: { state: true },
    historyVersion: { state: true },
    mappingFromServer: { state: true },
    sheetName: { state: true },
  };

  declare preview: boolean;
  declare startWithHistory: boolean;
  declare showBack: boolean;
  /** @internal */
  declare phase: ImportPhase;
  /** @internal */
  declare fileName: string;
  /** @internal */
  declare problem: string | null;
  declare onlyInvalid: boolean;
  /** @internal Bumped when an import ends, so the history shows it. */
  declare historyVersion: number;
  /** The API's dry run mapped required columns this browser's guess missed, and was taken. */
  declare mappingFromServer: boolean;
  /** @internal The workbook sheet being previewed ('' for a CSV file). */
  declare sheetName: string;

  /** @internal */
  readonly reader = new CsvReaderController(this);
  /** @internal */
  readonly job = new ImportJobController(this);
  /** @internal */
  readonly workbook = new WorkbookController(this);
  /** @internal */
  fields: FormField[] = [];

  constructor() {
    super();
    this.preview = false;
    this.startWithHistory = false;
    this.showBack = true;
    this.phase = { kind: 'choose' };
    this.fileName = '';
    this.problem = null;
    this.onlyInvalid = false;
    this.historyVersion = 0;
    this.mappingFromServer = false;
    this.sheetName = '';
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

  private get t() {
    return this.context.t;
  }

  /** Reads a file for the preview (dropped, or chosen with "Add file"). */
  read(file: File): void {
    this.reader.stop();
    this.problem = null;
    this.fileName = file.name;
    this.onlyInvalid = false;
    this.mappingFromServer = false;
    this.sheetName = '';
    this.workbook.clear();
    if (isWorkbookFile(file)) {
      void this.workbook.open(file);
      return;
    }
    if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/csv|text\/plain|tab-separated/.test(file.type)) {
      this.readFailed(this.t('import.notCsv', { name: file.name }));
      return;
    }
    this.phase = { kind: 'reading', rows: 0 };
    this.reader.read(file, this.context.program.formSchema, this.context.locale);
  }

  /** @internal */
  readProgress(rows: number): void {
    if (this.phase.kind === 'reading') this.phase = { kind: 'reading', rows };
  }

  /** @internal The whole file is read and checked: show the preview. */
  readDone(): void {
    if (this.phase.kind !== 'reading') return;
    this.phase = { kind: 'preview' };
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>('#import-preview-title')?.focus(),
    );
  }

  /** @internal */
  readFailed(problem: string): void {
    this.phase = { kind: 'choose' };
    this.problem = problem;
  }

  private onMap = (column: number, key: string) => {
    this.mappingFromServer = false;
    this.reader.remap({ ...this.reader.model.overrides, [column]: key === '' ? null : key });
  };

  private fullMapping(mapping: HeaderMapping | null): Record<string, string | null> {
    const result: Record<string, string | null> = {};
    (mapping?.columns ?? []).forEach((key, index) => {
      result[String(index)] = key;
    });
    return result;
  }

  /** @internal Uploads the file as previewed and fixed (or as it is, when not previewed). */
  async submit(): Promise<void> {
    const phase = this.phase;
    if (this.preview) {
      this.phase = { kind: 'previewSent' };
      return;
    }
    if (!this.context.api) return;
    this.problem = null;
    const model = this.reader.model;
    if (phase.kind === 'unpreviewed') await this.job.upload(phase.file, undefined);
    // The file as the partner fixed it, in core's CSV dialect, and the columns as mapped.
    else
      await this.job.upload(
        new Blob([writeCsv([model.headers, ...model.rows])], { type: 'text/csv' }),
        this.fullMapping(model.mapping),
      );
  }

  /** @internal Back to choosing a file (after an import, or "Choose another file"). */
  reset(): void {
    this.reader.clear(this.context.program.formSchema, this.context.locale);
    this.phase = { kind: 'choose' };
    this.problem = null;
    this.fileName = '';
    this.mappingFromServer = false;
    this.sheetName = '';
    this.workbook.clear();
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>('#import-add-file')?.focus(),
    );
  }

  private renderPreview(): TemplateResult {
    const t = this.t;
    const model = this.reader.model;
    const locale = this.context.locale;
    const blocked = (model.mapping?.missingRequired.length ?? 0) > 0;
    const uploading = this.phase.kind === 'uploading';
    return html`<lead-form-import-mapping
        .headers=${model.headers}
        .mapping=${model.mapping}
        .fields=${this.fields}
        .fromServer=${this.mappingFromServer}
        .t=${t}
        .locale=${this.context.locale}
        .onMap=${this.onMap}
      ></lead-form-import-mapping>
      <section class="stack" aria-labelledby="import-preview-title">
        <h4 id="import-preview-title" tabindex="-1">${t('import.preview')} — ${this.fileName}${this.sheetName ? ` › ${this.sheetName}` : ''}</h4>
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
          .version=${this.reader.version}
          .fields=${this.fields}
          .onlyInvalid=${this.onlyInvalid && model.invalidCount > 0}
          .fileName=${this.fileName}
          .t=${t}
          .locale=${locale}
          .readOnly=${uploading}
          .onEdit=${(row: number, column: number, value: string) => this.reader.edit(row, column, value)}
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

  private renderBody(): TemplateResult | typeof nothing {
    const phase = this.phase;
    const t = this.t;
    switch (phase.kind) {
      case 'choose':
      case 'reading':
        return html`<lead-form-import-dropzone
          .t=${t}
          .reading=${phase.kind === 'reading' ? t('import.parsing', { name: this.fileName, count: phase.rows }) : null}
          .onFile=${(file: File) => this.read(file)}
        ></lead-form-import-dropzone>`;
      case 'sheet':
        return renderSheetPicker(this, phase.sheets);
      case 'preview':
      case 'uploading':
        return this.renderPreview();
      case 'unpreviewed':
        return renderUnpreviewed(this, phase.encoding, phase.rows);
      case 'importing':
        return renderProgress(this, phase.item);
      case 'done':
        return renderResult(this, phase.item);
      case 'previewSent':
        return renderPreviewSent(this);
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
        <button type="button" part="button template-button" @click=${() => downloadTemplate(this.context.program)}>${t('import.template')}</button>
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
