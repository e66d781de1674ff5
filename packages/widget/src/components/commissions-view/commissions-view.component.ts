import { formatMoney } from '@leadbridge/core';
import { CommissionsResource } from '@leadbridge/sdk/partner';
import { html, nothing, type TemplateResult } from 'lit';
import type { Commission, CommissionTotals } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { formatDate } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import { leadsViewStyles } from '../leads-view/leads-view.styles.js';
import { PagedList, renderListFooter } from '../paged-list.js';

/**
 * What the partner earned under the offer: totals per status and each commission.
 *
 * @csspart totals - The totals per status, per currency.
 */
export class CommissionsViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, leadsViewStyles];
  static override properties = { ...ContextView.properties, totals: { state: true } };

  declare totals: CommissionTotals | null;

  private readonly list = new PagedList<Commission>(
    this,
    (cursor) => this.resource().list({ limit: 25, ...(cursor ? { cursor } : {}) }),
    () => this.context.sessionExpired(),
  );

  constructor() {
    super();
    this.totals = null;
  }

  private resource(): CommissionsResource {
    const api = this.context.api;
    if (!api) throw new Error('not signed in');
    return new CommissionsResource(api.core);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.list.loaded) return;
    void this.list.reload();
    this.resource()
      .totals()
      .then((totals) => (this.totals = totals))
      .catch(() => {
        // The list below reports the failure; totals just stay hidden.
      });
  }

  private renderTotals(): TemplateResult | typeof nothing {
    const { t, locale } = this.context;
    const rows = this.totals?.data ?? [];
    if (rows.length === 0) return nothing;
    const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
    return html`<section aria-labelledby="commission-totals" class="stack">
      <h4 id="commission-totals">${t('commissions.totals')}</h4>
      ${rows.map(
        (row) => html`<dl class="totals" part="totals">
          <div class="total"><dt>${t('commissions.earned')}</dt><dd>${money(row.approved + row.paid, row.currency)}</dd></div>
          <div class="total"><dt>${t('commissions.status.pending')}</dt><dd>${money(row.pending, row.currency)}</dd></div>
          <div class="total"><dt>${t('commissions.status.approved')}</dt><dd>${money(row.approved, row.currency)}</dd></div>
          <div class="total"><dt>${t('commissions.status.paid')}</dt><dd>${money(row.paid, row.currency)}</dd></div>
        </dl>`,
      )}
    </section>`;
  }

  protected override render(): TemplateResult {
    const { t, locale } = this.context;
    const items = this.list.items;
    return html`<h3 part="view-title">${t('commissions.title')}</h3>
      ${this.renderTotals()}
      ${
        items.length
          ? html`<div class="table-wrap">
              <table class="cards" part="table" role="table">
                <caption class="sr-only">${t('commissions.title')}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">${t('commissions.col.lead')}</th>
                    <th scope="col" role="columnheader">${t('commissions.col.description')}</th>
                    <th scope="col" role="columnheader" class="num">${t('commissions.col.amount')}</th>
                    <th scope="col" role="columnheader">${t('commissions.col.status')}</th>
                    <th scope="col" role="columnheader">${t('commissions.col.date')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${items.map(
                    (commission) => html`<tr part="row" role="row">
                      <td class="card-title" role="cell">${commission.leadName || commission.leadEmail}</td>
                      <td role="cell" data-label=${t('commissions.col.description')}>${commission.description}</td>
                      <td class="num" role="cell" data-label=${t('commissions.col.amount')}>${formatMoney({ amount: commission.amount, currency: commission.currency }, locale)}</td>
                      <td class="card-status" role="cell">
                        <span class="badge status-${commission.status}" part="status-badge">
                          ${t(`commissions.status.${commission.status}`)}
                        </span>
                        ${commission.declineReason ? html`<div class="muted">${commission.declineReason}</div>` : nothing}
                      </td>
                      <td role="cell" data-label=${t('commissions.col.date')}>${formatDate(commission.createdAt, locale)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${renderListFooter(this.list, t, 'commissions.empty')}`;
  }
}

defineOnce('lead-form-commissions', CommissionsViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-commissions': CommissionsViewElement;
  }
}
