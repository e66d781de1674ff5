import { type Locale, UTF8_BOM } from '@leadbridge/core';
import { ImportsResource } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import { failureOf } from '../../api/problems.js';
import type { LeadImport } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { englishTranslate, formatCount, formatDateTime, type Translate } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { PagedList, renderListFooter } from '../paged-list.js';
import { ViewElement } from '../view-element.js';
import { downloadText } from './download.js';

/**
 * The partner's imports with status and counts, and each one's error CSV to download.
 *
 * @csspart import-history - The list of imports.
 * @csspart error-csv - An import's error file, to download.
 */
export class ImportHistoryElement extends ViewElement {
  static override viewStyles = [viewsStyles, statusStyles];
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    refresh: { attribute: false },
    onSessionExpired: { attribute: false },
    downloadError: { state: true },
    cancelling: { state: true },
  };

  declare api: WidgetApi | null;
  declare t: Translate;
  declare locale: Locale;
  /** Bumped by the import view after an import, to show it here. */
  declare refresh: number;
  declare onSessionExpired: () => void;
  declare downloadError: string | null;
  /** The import whose cancel is on its way. */
  declare cancelling: string | null;

  private readonly list = new PagedList<LeadImport>(
    this,
    (cursor) => this.resource().list({ limit: 20, ...(cursor ? { cursor } : {}) }),
    () => this.onSessionExpired(),
  );

  constructor() {
    super();
    this.api = null;
    this.t = englishTranslate;
    this.locale = 'en';
    this.refresh = 0;
    this.onSessionExpired = () => {};
    this.downloadError = null;
    this.cancelling = null;
  }

  private resource(): ImportsResource {
    if (!this.api) throw new Error('not signed in');
    return new ImportsResource(this.api.core);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('refresh') || !this.list.loaded) && this.api && !this.list.loading) {
      void this.list.reload();
    }
  }

  private async download(item: LeadImport): Promise<void> {
    this.downloadError = null;
    try {
      const csv = await this.resource().errorsCsv(item.id);
      const base = item.fileName.replace(/\.(csv|txt|tsv|xlsx)$/i, '');
      // Response.text() drops the BOM the API sends; Excel needs it to read UTF-8.
      downloadText(`${base}-errors.csv`, UTF8_BOM + csv, 'text/csv;charset=utf-8');
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.onSessionExpired();
      this.downloadError = failure.status === 0 ? this.t('shell.error.network') : failure.detail;
    }
  }

  /** Stops a queued or running import; the list then shows it cancelled. */
  private async cancel(item: LeadImport): Promise<void> {
    if (this.cancelling) return;
    this.cancelling = item.id;
    this.downloadError = null;
    try {
      await this.resource().cancel(item.id);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.onSessionExpired();
      else if (failure.code !== 'import_not_running') {
        this.downloadError = failure.status === 0 ? this.t('shell.error.network') : failure.detail;
      }
    } finally {
      this.cancelling = null;
      await this.list.reload();
    }
  }

  protected override render(): TemplateResult {
    const { t, locale } = this;
    const items = this.list.items;
    const count = (value: number) => formatCount(value, locale);
    return html`${this.downloadError ? html`<p class="alert" part="alert" role="alert">${this.downloadError}</p>` : nothing}
      ${
        items.length
          ? html`<div class="table-wrap">
              <table class="cards" part="table import-history" role="table">
                <caption class="sr-only">${t('import.history')}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">${t('import.history.file')}</th>
                    <th scope="col" role="columnheader">${t('import.history.date')}</th>
                    <th scope="col" role="columnheader">${t('import.history.status')}</th>
                    <th scope="col" role="columnheader" class="num">${t('import.history.imported')}</th>
                    <th scope="col" role="columnheader" class="num">${t('import.history.failed')}</th>
                    <th scope="col" role="columnheader" class="num">${t('import.history.duplicate')}</th>
                    <th scope="col" role="columnheader">${t('import.history.errors')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${items.map(
                    (item) => html`<tr part="row" role="row" data-import=${item.id}>
                      <td class="card-title" role="cell">${item.fileName}</td>
                      <td role="cell" data-label=${t('import.history.date')}>${formatDateTime(item.createdAt, locale)}</td>
                      <td class="card-status" role="cell">
                        <span class="badge status-${item.status}" part="status-badge">${t(`import.status.${item.status}`)}</span>
                        ${item.error ? html`<div class="muted">${item.error}</div>` : nothing}
                        ${
                          item.status === 'queued' || item.status === 'processing'
                            ? html`<button
                                type="button"
                                class="link"
                                part="button button-link import-cancel"
                                aria-label=${t('import.history.cancelFor', { file: item.fileName })}
                                aria-disabled=${this.cancelling === item.id ? 'true' : 'false'}
                                @click=${() => void this.cancel(item)}
                              >
                                ${t('import.cancel')}
                              </button>`
                            : nothing
                        }
                      </td>
                      <td class="num" role="cell" data-label=${t('import.history.imported')}>${count(item.rowsImported)}</td>
                      <td class="num" role="cell" data-label=${t('import.history.failed')}>${count(item.rowsFailed)}</td>
                      <td class="num" role="cell" data-label=${t('import.history.duplicate')}>${count(item.rowsDuplicate)}</td>
                      <td role="cell">
                        ${
                          (item.status === 'completed' || item.status === 'cancelled') &&
                          item.rowsFailed + item.rowsDuplicate > 0
                            ? html`<button
                                type="button"
                                class="link"
                                part="button button-link error-csv"
                                aria-label=${t('import.history.downloadFor', { file: item.fileName })}
                                @click=${() => void this.download(item)}
                              >
                                ${t('import.history.download')}
                              </button>`
                            : html`<span class="muted">${t('import.history.none')}</span>`
                        }
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${renderListFooter(this.list, t, 'import.history.empty')}`;
  }
}

defineOnce('lead-form-import-history', ImportHistoryElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-import-history': ImportHistoryElement;
  }
}
