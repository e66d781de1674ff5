import { html, nothing, type TemplateResult } from 'lit';
import { defineOnce } from '../../define.js';
import { englishTranslate, type Translate } from '../../i18n/i18n.js';
import { ViewElement } from '../view-element.js';

/**
 * Where a partner adds a CSV file or an Excel workbook (.xlsx): drop it here, or "Add file" for the file picker. Shows the
 * reading progress below while a file is being read.
 *
 * @csspart dropzone - The drop area.
 * @csspart add-file - The "Add file" button.
 * @csspart reading - "Reading … rows" while a file is read.
 */
export class ImportDropzoneElement extends ViewElement {
  static override properties = {
    t: { attribute: false },
    reading: { attribute: false },
    onFile: { attribute: false },
    dragging: { state: true },
  };

  declare t: Translate;
  /** While a file is read: what to say about it ("Reading leads.csv: 1,200 rows"). */
  declare reading: string | null;
  declare onFile: (file: File) => void;
  declare dragging: boolean;

  constructor() {
    super();
    this.t = englishTranslate;
    this.reading = null;
    this.onFile = () => {};
    this.dragging = false;
  }

  /** Opens the file picker (also for "Choose another file"). */
  pick(): void {
    this.querySelector<HTMLInputElement>('#import-file')?.click();
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.onFile(file);
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
    if (file) this.onFile(file);
  }

  protected override render(): TemplateResult {
    const t = this.t;
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
      <input id="import-file" type="file" accept=".csv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden @change=${this.onInput} />
      ${this.reading ? html`<p role="status" part="reading">${this.reading}</p>` : nothing}
    </div>`;
  }
}

defineOnce('lead-form-import-dropzone', ImportDropzoneElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-import-dropzone': ImportDropzoneElement;
  }
}
