import { html, nothing, type TemplateResult } from 'lit';
import type { LeadImport } from '../../api/types.js';
import { formatCount } from '../../i18n/i18n.js';
import type { ImportViewElement } from './import-view.component.js';

/** A running import: rows processed of the total, and "Cancel import". */
export function renderProgress(view: ImportViewElement, item: LeadImport): TemplateResult {
  const { t, locale } = view.context;
  const total = item.rowsTotal ?? 0;
  const cancelling = view.job.cancelling;
  return html`<div class="stack" part="progress">
    <label for="import-progress">
      ${t('import.progress', { processed: formatCount(item.rowsProcessed, locale), total: formatCount(total, locale) })}
    </label>
    <progress id="import-progress" part="progress-bar" max=${Math.max(total, 1)} value=${item.rowsProcessed}></progress>
    <div class="actions">
      <button
        type="button"
        part="button import-cancel"
        aria-disabled=${cancelling ? 'true' : 'false'}
        @click=${() => void view.job.cancel(item)}
      >
        ${cancelling ? t('import.cancelling') : t('import.cancel')}
      </button>
    </div>
  </div>`;
}

/** How an import ended: rows imported, failed and duplicate, or why it failed. */
export function renderResult(view: ImportViewElement, item: LeadImport): TemplateResult {
  const { t, locale } = view.context;
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
      <button type="button" part="button" @click=${() => view.reset()}>${t('import.another')}</button>
      ${
        ok && item.rowsImported > 0 && view.showBack
          ? html`<button type="button" part="button" @click=${() => view.context.navigate({ view: 'leads' })}>
              ${t('submit.success.viewLeads')}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

/** A file the browser does not preview (too many rows, or not UTF-8): import it as it is. */
export function renderUnpreviewed(
  view: ImportViewElement,
  encoding: string | undefined,
  rows: number,
): TemplateResult {
  const { t, locale } = view.context;
  return html`<p class="notice" part="notice">${
    encoding
      ? t('import.encodingNotPreviewed', { encoding: encoding.toUpperCase() })
      : t('import.tooLarge', { rows: formatCount(rows, locale) })
  }</p>
    <div class="actions">
      <button type="button" class="primary" part="button button-primary import-submit" @click=${() => void view.submit()}>
        ${t('import.submit')}
      </button>
      <button type="button" part="button" @click=${() => view.reset()}>${t('import.chooseOther')}</button>
    </div>`;
}

/** The admin's live preview: what a partner's "Import and submit" would do, without importing. */
export function renderPreviewSent(view: ImportViewElement): TemplateResult {
  const { t } = view.context;
  return html`<div class="success" part="success" role="status">
    <p>${t('import.preview.note')}</p>
    <div class="actions"><button type="button" part="button" @click=${() => view.reset()}>${t('import.another')}</button></div>
  </div>`;
}
