import { formatMoney } from '@leadbridge/core';
import { CustomersResource } from '@leadbridge/sdk/partner';
import { html, nothing, type TemplateResult } from 'lit';
import type { Customer } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { formatDate } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import { leadsViewStyles } from '../leads-view/leads-view.styles.js';
import { PagedList, renderListFooter } from '../paged-list.js';

/** The partner's won leads as customers: status (Signed up / Paid) and revenue so far. */
export class CustomersViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, leadsViewStyles];

  private readonly list = new PagedList<Customer>(
    this,
    (cursor) => {
      const api = this.context.api;
      if (!api) return Promise.reject(new Error('not signed in'));
      return new CustomersResource(api.core).list({ limit: 25, ...(cursor ? { cursor } : {}) });
    },
    () => this.context.sessionExpired(),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.list.loaded) void this.list.reload();
  }

  protected override render(): TemplateResult {
    const { t, locale } = this.context;
    const items = this.list.items;
    return html`<h3 part="view-title">${t('customers.title')}</h3>
      <p class="muted" part="intro">${t('customers.intro')}</p>
      ${
        items.length
          ? html`<div class="table-wrap">
              <table class="cards" part="table" role="table">
                <caption class="sr-only">${t('customers.title')}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">${t('customers.col.customer')}</th>
                    <th scope="col" role="columnheader">${t('customers.col.status')}</th>
                    <th scope="col" role="columnheader" class="num">${t('customers.col.revenue')}</th>
                    <th scope="col" role="columnheader">${t('customers.col.won')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${items.map((customer) => {
                    const name = [customer.lead.firstName, customer.lead.lastName]
                      .filter(Boolean)
                      .join(' ');
                    return html`<tr part="row" role="row">
                      <td class="card-title" role="cell">
                        <div>${name || customer.lead.email}</div>
                        <div class="muted">${customer.lead.company ?? (name ? customer.lead.email : nothing)}</div>
                      </td>
                      <td class="card-status" role="cell">
                        <span class="badge status-${customer.status}" part="status-badge">
                          ${t(`customers.status.${customer.status}`)}
                        </span>
                      </td>
                      <td class="num" role="cell" data-label=${t('customers.col.revenue')}>${formatMoney(customer.revenue, locale)}</td>
                      <td role="cell" data-label=${t('customers.col.won')}>${formatDate(customer.wonAt, locale)}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${renderListFooter(this.list, t, 'customers.empty')}`;
  }
}

defineOnce('lead-form-customers', CustomersViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-customers': CustomersViewElement;
  }
}
