import type { FormField, Locale } from '@leadbridge/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { TooltipController } from '../../controllers/tooltip.controller.js';
import { ROW_HEIGHT, VirtualRowsController } from '../../controllers/virtual-rows.controller.js';
import type { PreviewModel } from '../../csv/preview-model.js';
import { defineOnce } from '../../define.js';
import { englishTranslate, formatCount, type Translate } from '../../i18n/i18n.js';
import { ViewElement } from '../view-element.js';
import { previewGridStyles } from './preview-grid.styles.js';

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
 * or F2 edits, Escape cancels. Which rows are in the DOM is the VirtualRowsController's.
 *
 * @csspart help - The hint above the grid.
 * @csspart preview-scroll - The box the grid scrolls in.
 * @csspart preview-grid - The grid.
 * @csspart preview-header - Its header row: each column and the field it feeds.
 * @csspart preview-row - A row of the file.
 * @csspart preview-cell - A cell.
 * @csspart preview-cell-invalid - A cell with a problem.
 * @csspart cell-input - The input of a cell being edited.
 * @csspart tooltip - A cell's problem, on hover and focus.
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
    active: { state: true },
    editing: { state: true },
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
  declare active: Cell;
  declare editing: (Cell & { value: string }) | null;

  private readonly rows = new VirtualRowsController(this, '.grid-scroll', () => this.rowCount());
  private readonly tip = new TooltipController(this);

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
    this.active = { position: 0, column: LEAD_COLUMNS };
    this.editing = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('onlyInvalid')) {
      this.active = { position: 0, column: this.active.column };
      this.editing = null;
      this.rows.scrollTo(0);
    }
    const count = this.rowCount();
    if (this.active.position >= count && count > 0) {
      this.active = { position: count - 1, column: this.active.column };
    }
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

  private onScroll = () => this.rows.onScroll(this.onScrolled);

  /** Keeps the grid reachable with Tab after a scroll: the focusable cell is a rendered one. */
  private onScrolled = (first: number, last: number) => {
    this.tip.hide();
    const position = this.active.position;
    const root = this.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement;
    if ((position < first || position >= last) && !(focused && this.contains(focused))) {
      this.active = {
        position: Math.min(last - 1, first + this.rows.overscan),
        column: this.active.column,
      };
    }
  };

  private async focusCell(cell: Cell): Promise<void> {
    this.active = cell;
    this.rows.reveal(cell.position);
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
    const page = this.rows.page();
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
    this.tip.hide();
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
        @mouseenter=${rowIssues.length ? (event: Event) => this.tip.show(event, allMessages) : nothing}
        @mouseleave=${this.tip.hide}
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
            if (issue) this.tip.show(event, issue.message);
          }}
          @blur=${this.tip.hide}
          @mouseenter=${issue ? (event: Event) => this.tip.show(event, issue.message) : nothing}
          @mouseleave=${issue ? this.tip.hide : nothing}
          @dblclick=${this.readOnly ? nothing : () => this.startEdit({ position, column })}
        >${value}${issue ? html`<span hidden id=${id}>${issue.message}</span>` : nothing}</td>`;
      })}
    </tr>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const count = this.rowCount();
    const { first, last } = this.rows.window();
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
      ${this.tip.render()}`;
  }
}

defineOnce('lead-form-preview-grid', PreviewGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-preview-grid': PreviewGridElement;
  }
}
