import { type FormField, LEAD_STAGES, type LeadStage } from '@leadbridge/core';
import { LeadsResource } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Lead } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { formFields } from '../../fields/form-values.js';
import { formatDate } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ActionsMenu } from '../actions-menu.js';
import { ContextView } from '../context-view.js';
import { PagedList, renderListFooter } from '../paged-list.js';
import './lead-detail.component.js';
import { leadName, stageLabel } from './lead-names.js';
import { leadsViewStyles } from './leads-view.styles.js';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/**
 * "My leads": the partner's leads with search and status filter, paged (PagedList); a lead
 * opens in `<lead-form-lead-detail>`.
 *
 * @summary "My leads", inside `<lead-form>`.
 *
 * @csspart filters - The search and status filter.
 * @csspart search - The search input.
 * @csspart stage-filter - The status filter.
 * @csspart table - A list (one card per row when narrow).
 * @csspart row - A row of a list.
 * @csspart lead-link - A lead's name, which opens it.
 * @csspart status-badge - A lead's, customer's or commission's status.
 * @csspart empty - What an empty list says.
 * @csspart load-more - "Load more".
 */
export class LeadsViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, leadsViewStyles];
  static override properties = {
    ...ContextView.properties,
    query: { state: true },
    stage: { state: true },
    selected: { state: true },
  };

  declare query: string;
  declare stage: LeadStage | '';
  declare selected: Lead | null;

  private leads: LeadsResource | null = null;
  private fields: FormField[] = [];
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly menu = new ActionsMenu(this, 'leads-menu', (to) => this.context.navigate(to));
  private readonly list = new PagedList<Lead>(
    this,
    (cursor) =>
      this.resource().list({
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(this.query.trim() ? { q: this.query.trim() } : {}),
        ...(this.stage ? { stage: this.stage } : {}),
      }),
    () => this.context.sessionExpired(),
  );

  constructor() {
    super();
    this.query = '';
    this.stage = '';
    this.selected = null;
  }

  private resource(): LeadsResource {
    const api = this.context.api;
    if (!api) throw new Error('not signed in');
    this.leads ??= new LeadsResource(api.core);
    return this.leads;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context')) {
      this.fields = formFields(this.context.program.formSchema);
      const previous = changed.get('context');
      if (previous && previous.api !== this.context.api) this.leads = null;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.list.loaded) void this.list.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.list.reload(), SEARCH_DELAY_MS);
  }

  private onStage(event: Event): void {
    this.stage = (event.target as HTMLSelectElement).value as LeadStage | '';
    void this.list.reload();
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  /** A lead as the API has it now (from its page): shown there and in the list. */
  private onLead = (lead: Lead) => {
    this.selected = lead;
    this.list.replace((item) => item.id === lead.id, lead);
  };

  private back(): void {
    const id = this.selected?.id;
    this.selected = null;
    void this.focusOn(id ? `[data-lead="${id}"]` : '#leads-search');
  }

  protected override render(): TemplateResult {
    if (this.selected) {
      return html`<lead-form-lead-detail
        .lead=${this.selected}
        .context=${this.context}
        .fields=${this.fields}
        .onBack=${() => this.back()}
        .onLead=${this.onLead}
      ></lead-form-lead-detail>`;
    }
    const { t, locale } = this.context;
    const list = this.list;
    const { program, standalone } = this.context;
    return html`<div class="spread" part="view-header">
        <h3 part="view-title">${t('leads.title')}</h3>
        ${program.leadImportEnabled && !standalone ? this.menu.render(t) : nothing}
      </div>
      <div class="filters" part="filters" role="search">
        <div class="field">
          <label for="leads-search" part="label">${t('leads.search')}</label>
          <input
            id="leads-search"
            type="search"
            part="input search"
            placeholder=${t('leads.searchPlaceholder')}
            .value=${this.query}
            @input=${this.onSearch}
          />
        </div>
        <div class="field">
          <label for="leads-stage" part="label">${t('leads.stageFilter')}</label>
          <select id="leads-stage" part="select stage-filter" @change=${this.onStage}>
            <option value="" ?selected=${this.stage === ''}>${t('leads.allStages')}</option>
            ${LEAD_STAGES.map(
              (stage) =>
                html`<option value=${stage} ?selected=${this.stage === stage}>${this.context.stageLabels[stage] ?? stage}</option>`,
            )}
          </select>
        </div>
      </div>
      ${
        list.items.length
          ? html`<div class="table-wrap">
              <table class="cards" part="table" role="table">
                <caption class="sr-only">${t('leads.title')}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">${t('leads.col.name')}</th>
                    <th scope="col" role="columnheader">${t('leads.col.company')}</th>
                    <th scope="col" role="columnheader">${t('leads.col.email')}</th>
                    <th scope="col" role="columnheader">${t('leads.col.status')}</th>
                    <th scope="col" role="columnheader">${t('leads.col.submitted')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${list.items.map(
                    (lead) => html`<tr part="row" role="row">
                      <td class="card-title" role="cell">
                        <button type="button" class="link" part="lead-link" data-lead=${lead.id} @click=${() => (this.selected = lead)}>
                          ${leadName(lead)}
                        </button>
                      </td>
                      <td role="cell" data-label=${t('leads.col.company')}>${lead.company ?? nothing}</td>
                      <td role="cell" data-label=${t('leads.col.email')}>${lead.email}</td>
                      <td class="card-status" role="cell"><span class="badge status-${lead.stage}" part="status-badge">${stageLabel(lead, this.context)}</span></td>
                      <td role="cell" data-label=${t('leads.col.submitted')}>${formatDate(lead.createdAt, locale)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      <p class="sr-only" role="status">${list.loaded && !list.loading ? t('leads.shown', { count: list.items.length }) : ''}</p>
      ${renderListFooter(list, t, this.query || this.stage ? 'leads.noMatch' : 'leads.empty')}`;
  }
}

defineOnce('lead-form-leads', LeadsViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-leads': LeadsViewElement;
  }
}
