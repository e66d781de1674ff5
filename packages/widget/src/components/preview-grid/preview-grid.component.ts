import type { FormField, Locale } from '@leadbridge/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { PreviewModel } from '../../csv/preview-model.js';
import { defineOnce } from '../../define.js';
import { englishTranslate, formatCount, type Translate } from '../../i18n/i18n.js';
import { ViewElement } from '../view-element.js';
import { previewGridStyles } from './preview-grid.styles.js';

const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Columns before the file's own: the row number (a row header) and the row's check result. */
const LEAD_COLUMNS = 2;

interface Cell {
  /** Position in the rows shown (all rows, or only the invalid ones). */
  position: number;
  column: number;
}

/**
 * Every row of a CSV file in a virtualised ARIA grid: only the rows in view are in the DOM, bad
 * cells are marked with their message (on hover and focus, and as the cell's description), and
 * any cell of the file can be fixed in place. Arrow keys, Page Up/Down, Home/End move; Enter
 * or F2 edits, Escape cancels.
 */
export class PreviewGridElement extends ViewElement {
  static override viewStyles = [previewGridStyles];
  static override properties = {
    model: { attribute: false },
    version: { attribute: false },
    fields: { attribute: false },
    onlyInvalid: { attribute: false },
    fileName: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    readOnly: { attribute: false },
    onEdit: { attribute: false },
    scrollTop: { state: true },
    viewport: { state: true },
    active: { state: true },
    editing: { state: true },
    tip: { state: true },
  };

  declare model: PreviewModel;
  /** Bumped by the owner whenever the model changes, so the grid re-renders. */
  declare version: number;
  declare fields: FormField[];
  declare onlyInvalid: boolean;
  declare fileName: string;
  declare t: Translate;
  declare locale: Locale;
  declare readOnly: boolean;
  declare onEdit: (row: number, column: number, value: string) => void;
  declare scrollTop: number;
  declare viewport: number;
  declare active: Cell;
  declare editing: (Cell & { value: string }) | null;
  declare tip: { text: string; x: number; y: number } | null;

  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.version = 0;
    this.fields = [];
    this.onlyInvalid = false;
    this.fileName = '';
    this.t = englishTranslate;
    this.locale = 'en';
    this.readOnly = false;
    this.onEdit = () => {};
    this.scrollTop = 0;
    this.viewport = 400;
    this.active = { position: 0, column: LEAD_COLUMNS };
    this.editing = null;
    this.tip = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  protected override firstUpdated(): void {
    const scroller = this.scroller();
    if (!scroller) return;
    this.viewport = scroller.clientHeight || this.viewport;
    this.resizeObserver = new ResizeObserver(
      () => (this.viewport = scroller.clientHeight || this.viewport),
    );
    this.resizeObserver.observe(scroller);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('onlyInvalid')) {
      this.active = { position: 0, column: this.active.column };
      this.editing = null;
      const scroller = this.scroller();
      if (scroller) scroller.scrollTop = 0;
      this.scrollTop = 0;
    }
    const count = this.rowCount();
    if (this.active.position >= count && count > 0) {
      this.active = { position: count - 1, column: this.active.column };
    }
  }

  private scroller(): HTMLElement | null {
    return this.querySelector<HTMLElement>('.grid-scroll');
  }

  private columnCount(): number {
    return LEAD_COLUMNS + this.model.headers.length;
  }

  private rowCount(): number {
    return this.onlyInvalid ? this.model.invalidRows().length : this.model.total;
  }

  /** The file's row index shown at a position. */
  private rowAt(position: number): number {
    return this.onlyInvalid ? (this.model.invalidRows()[position] ?? -1) : position;
  }

  private window(): { first: number; last: number } {
    const count = this.rowCount();
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(count, first + Math.ceil(this.viewport / ROW_HEIGHT) + OVERSCAN * 2);
    return { first, last };
  }

  private onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const scroller = this.scroller();
      if (!scroller) return;
      this.scrollTop = scroller.scrollTop;
      this.tip = null;
      // Keep the grid reachable with Tab: the focusable cell must be one that is rendered.
      const { first, last } = this.window();
      const position = this.active.position;
      const root = this.getRootNode() as Document | ShadowRoot;
      const focused = root.activeElement;
      if ((position < first || position >= last) && !(focused && this.contains(focused))) {
        this.active = {
          position: Math.min(last - 1, first + OVERSCAN),
          column: this.active.column,
        };
      }
    });
  };

  /** Scrolls so that a position is in view (rows are rendered on the next update). */
  private reveal(position: number): void {
    const scroller = this.scroller();
    if (!scroller) return;
    const header = this.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    const top = position * ROW_HEIGHT;
    const visible = scroller.clientHeight - header;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + visible)
      scroller.scrollTop = top + ROW_HEIGHT - visible;
    this.scrollTop = scroller.scrollTop;
  }

  private async focusCell(cell: Cell): Promise<void> {
    this.active = cell;
    this.reveal(cell.position);
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-cell="${cell.position}:${cell.column}"]`)?.focus();
  }

  private move(event: KeyboardEvent, position: number, column: number): void {
    event.preventDefault();
    const count = this.rowCount();
    if (count === 0) return;
    void this.focusCell({
      position: Math.max(0, Math.min(count - 1, position)),
      column: Math.max(0, Math.min(this.columnCount() - 1, column)),
    });
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (this.editing) return;
    const { position, column } = this.active;
    const page = Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        return this.move(event, position + 1, column);
      case 'ArrowUp':
        return this.move(event, position - 1, column);
      case 'ArrowRight':
        return this.move(event, position, column + 1);
      case 'ArrowLeft':
        return this.move(event, position, column - 1);
      case 'PageDown':
        return this.move(event, position + page, column);
      case 'PageUp':
        return this.move(event, position - page, column);
      case 'Home':
        return this.move(event, event.ctrlKey ? 0 : position, 0);
      case 'End':
        return this.move(
          event,
          event.ctrlKey ? this.rowCount() - 1 : position,
          this.columnCount() - 1,
        );
      case 'Enter':
      case 'F2':
        if (column >= LEAD_COLUMNS && !this.readOnly) {
          event.preventDefault();
          this.startEdit({ position, column });
        }
        return;
      default:
        return;
    }
  };

  private startEdit(cell: Cell): void {
    const row = this.rowAt(cell.position);
    const value = this.model.rows[row]?.[cell.column - LEAD_COLUMNS] ?? '';
    this.active = cell;
    this.tip = null;
    this.editing = { ...cell, value };
    void this.updateComplete.then(() => {
      const input = this.querySelector<HTMLInputElement>('.editing input');
      input?.focus();
      input?.select();
    });
  }

  private finishEdit(commit: boolean): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = null;
    if (commit) {
      const row = this.rowAt(editing.position);
      const before = this.model.rows[row]?.[editing.column - LEAD_COLUMNS] ?? '';
      if (editing.value !== before) this.onEdit(row, editing.column - LEAD_COLUMNS, editing.value);
    }
    void this.focusCell({ position: editing.position, column: editing.column });
  }

  private onEditKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.finishEdit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.finishEdit(false);
    }
    event.stopPropagation();
  };

  private showTip(event: Event, text: string): void {
    const cell = event.currentTarget as HTMLElement;
    const box = cell.getBoundingClientRect();
    const origin = this.getBoundingClientRect();
    // Kept inside the grid's own box (the tooltip is at most 22rem wide), so a tip on the last
    // column never reaches past the page's edge.
    const widest = Math.min(22 * Number.parseFloat(getComputedStyle(this).fontSize), origin.width);
    const x = Math.max(0, Math.min(box.left - origin.left, origin.width - widest));
    this.tip = { text, x, y: box.bottom - origin.top + 4 };
  }

  private hideTip = () => {
    this.tip = null;
  };

  private renderHeader(): TemplateResult {
    const t = this.t;
    const columns = this.model.mapping?.columns ?? [];
    return html`<thead>
      <tr aria-rowindex="1" part="preview-header">
        <th scope="col" class="w-row">${t('import.rowHeader')}</th>
        <th scope="col" class="w-status">${t('import.statusHeader')}</th>
        ${this.model.headers.map((header, index) => {
          const key = columns[index];
          const field = key ? this.fields.find((candidate) => candidate.key === key) : undefined;
          return html`<th scope="col" class="w-cell">
            ${header}<span class="mapped">${field ? `→ ${field.label}` : t('import.ignore')}</span>
          </th>`;
        })}
      </tr>
    </thead>`;
  }

  private renderRow(position: number): TemplateResult {
    const t = this.t;
    const model = this.model;
    const row = this.rowAt(position);
    const cells = model.rows[row] ?? [];
    const issues = model.issuesOf(row) ?? [];
    const example = model.examples.has(row);
    const rowIssues = issues.filter((issue) => issue.column < 0);
    const active = this.active;
    const tabindex = (column: number) =>
      active.position === position && active.column === column ? '0' : '-1';
    const focus = (column: number) => () => {
      this.active = { position, column };
    };
    const statusText = example
      ? t('import.exampleRow')
      : issues.length === 0
        ? t('import.rowOk')
        : t('import.rowErrors', { count: issues.length });
    const statusId = `issue-${row}-status`;
    const allMessages = issues.map((issue) => issue.message).join('; ');
    return html`<tr aria-rowindex=${position + 2} class=${model.edited.has(row) ? 'edited' : ''} part="preview-row">
      <th
        scope="row"
        data-cell="${position}:0"
        tabindex=${tabindex(0)}
        @focus=${focus(0)}
      >${formatCount(row + 1, this.locale)}</th>
      <td
        role="gridcell"
        data-cell="${position}:1"
        tabindex=${tabindex(1)}
        class=${example ? 'status-skip' : issues.length ? 'status-bad' : 'status-ok'}
        aria-describedby=${issues.length ? statusId : nothing}
        @focus=${focus(1)}
        @mouseenter=${rowIssues.length ? (event: Event) => this.showTip(event, allMessages) : nothing}
        @mouseleave=${this.hideTip}
      >
        ${statusText}${issues.length ? html`<span hidden id=${statusId}>${allMessages}</span>` : nothing}
      </td>
      ${model.headers.map((_, index) => {
        const column = index + LEAD_COLUMNS;
        const value = cells[index] ?? '';
        const issue = issues.find((candidate) => candidate.column === index);
        const id = `issue-${row}-${index}`;
        if (this.editing && this.editing.position === position && this.editing.column === column) {
          return html`<td role="gridcell" class="editing" data-cell="${position}:${column}">
            <input
              part="cell-input"
              aria-label=${t('import.editCell', { row: row + 1, column: this.model.headers[index] ?? '' })}
              .value=${this.editing.value}
              @input=${(event: Event) => {
                if (this.editing)
                  this.editing = {
                    ...this.editing,
                    value: (event.target as HTMLInputElement).value,
                  };
              }}
              @keydown=${this.onEditKey}
              @blur=${() => this.finishEdit(true)}
            />
          </td>`;
        }
        return html`<td
          role="gridcell"
          data-cell="${position}:${column}"
          tabindex=${tabindex(column)}
          class=${issue ? 'invalid' : ''}
          part=${issue ? 'preview-cell preview-cell-invalid' : 'preview-cell'}
          aria-invalid=${issue ? 'true' : nothing}
          aria-describedby=${issue ? id : nothing}
          title=${value.length > 24 ? value : nothing}
          @focus=${(event: Event) => {
            this.active = { position, column };
            if (issue) this.showTip(event, issue.message);
          }}
          @blur=${this.hideTip}
          @mouseenter=${issue ? (event: Event) => this.showTip(event, issue.message) : nothing}
          @mouseleave=${issue ? this.hideTip : nothing}
          @dblclick=${this.readOnly ? nothing : () => this.startEdit({ position, column })}
        >${value}${issue ? html`<span hidden id=${id}>${issue.message}</span>` : nothing}</td>`;
      })}
    </tr>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const count = this.rowCount();
    const { first, last } = this.window();
    const positions: number[] = [];
    for (let position = first; position < last; position++) positions.push(position);
    return html`<p class="help" part="help" id="grid-help">${this.readOnly ? '' : t('import.editHint')}</p>
      <div class="grid-scroll" part="preview-scroll" @scroll=${this.onScroll}>
        <table
          class="grid"
          role="grid"
          part="preview-grid"
          aria-label=${t('import.grid', { name: this.fileName })}
          aria-describedby="grid-help"
          aria-rowcount=${count + 1}
          aria-colcount=${this.columnCount()}
          @keydown=${this.onKeyDown}
        >
          ${this.renderHeader()}
          <tbody>
            ${first > 0 ? html`<tr aria-hidden="true" style=${styleMap({ height: `${first * ROW_HEIGHT}px` })}></tr>` : nothing}
            ${positions.map((position) => this.renderRow(position))}
            ${count > last ? html`<tr aria-hidden="true" style=${styleMap({ height: `${(count - last) * ROW_HEIGHT}px` })}></tr>` : nothing}
          </tbody>
        </table>
      </div>
      ${
        this.tip
          ? html`<div class="grid-tooltip" part="tooltip" role="tooltip" style=${styleMap({ left: `${this.tip.x}px`, top: `${this.tip.y}px` })}>${this.tip.text}</div>`
          : nothing
      }`;
  }
}

defineOnce('lead-form-preview-grid', PreviewGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-preview-grid': PreviewGridElement;
  }
}
