import { type FormField, formatMoney, isPartnerEditableStage } from '@leadbridge/core';
import { LeadsResource } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { failureOf } from '../../api/problems.js';
import type { Lead, LeadEvent } from '../../api/types.js';
import { type Editing, LeadEditController } from '../../controllers/lead-edit.controller.js';
import { defineOnce } from '../../define.js';
import { renderField } from '../../fields/field-controls.js';
import { displayValue } from '../../fields/form-values.js';
import { formatDate } from '../../i18n/i18n.js';
import type { ViewContext } from '../navigation.js';
import { ViewElement } from '../view-element.js';
import { pencilIcon } from './icons.js';
import { renderHistory } from './lead-history.js';
import { leadName, stageLabel } from './lead-names.js';

/**
 * One of the partner's leads in My leads: its details, its history, "Message the company",
 * and — while its stage lets the partner — the edit form (LeadEditController).
 *
 * @csspart lead-detail - The lead's page.
 * @csspart edit-button - The pencil that opens the edit form.
 * @csspart details - The lead's fields.
 * @csspart edit-form - The edit form.
 * @csspart conflict - Someone saved the lead meanwhile: the partner's changes, to re-apply.
 * @csspart history - The lead's history.
 * @csspart history-item - One entry of it.
 */
export class LeadDetailElement extends ViewElement {
  static override properties = {
    lead: { attribute: false },
    context: { attribute: false },
    fields: { attribute: false },
    onBack: { attribute: false },
    onLead: { attribute: false },
    events: { state: true },
    notice: { state: true },
  };

  declare lead: Lead;
  declare context: ViewContext;
  declare fields: FormField[];
  declare onBack: () => void;
  /** The lead as the API has it now (after loading it, or an edit), for the list too. */
  declare onLead: (lead: Lead) => void;
  declare events: LeadEvent[] | null;
  /** @internal */
  declare notice: string | null;

  private readonly editor = new LeadEditController(this);
  private leads: LeadsResource | null = null;
  private loaded: string | null = null;

  constructor() {
    super();
    this.fields = [];
    this.onBack = () => {};
    this.onLead = () => {};
    this.events = null;
    this.notice = null;
  }

  /** @internal */
  resource(): LeadsResource {
    const api = this.context.api;
    if (!api) throw new Error('not signed in');
    this.leads ??= new LeadsResource(api.core);
    return this.leads;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.get('context')?.api !== this.context.api) this.leads = null;
    if (changed.has('lead') && this.lead.id !== this.loaded) void this.load(this.lead.id);
  }

  protected override firstUpdated(): void {
    this.querySelector<HTMLElement>('#lead-detail-title')?.focus();
  }

  /** @internal */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  /** @internal The lead and its history, fresh from the API. */
  async load(id: string): Promise<void> {
    this.loaded = id;
    try {
      const [lead, history] = await Promise.all([
        this.resource().get(id),
        this.resource().history(id, { limit: 100 }),
      ]);
      if (this.lead.id !== id) return;
      this.events = history.data;
      this.onLead(lead);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      else
        this.notice = failure.status === 0 ? this.context.t('shell.error.network') : failure.detail;
    }
  }

  private renderConflict(editing: Editing): TemplateResult | typeof nothing {
    const conflict = editing.conflict;
    if (!conflict) return nothing;
    const t = this.context.t;
    const words = { yes: t('field.yes'), no: t('field.no'), empty: t('field.empty') };
    return html`<div class="alert" part="alert conflict" role="alert" id="edit-conflict" tabindex="-1">
      <p>${t('leads.edit.conflict', { version: conflict.version })}</p>
      ${
        conflict.keys.length
          ? html`<p>${t('leads.edit.yourChanges')}</p>
              <ul class="changes">
                ${conflict.keys.map((key) => {
                  const field = this.fields.find((candidate) => candidate.key === key);
                  if (!field) return nothing;
                  const mine = conflict.mine[key];
                  const shown = displayValue(field, mine as never, words);
                  return html`<li>${field.label}: ${shown}</li>`;
                })}
              </ul>
              <p>
                <button type="button" part="button" @click=${() => this.editor.reapply()}>
                  ${t('leads.edit.reapply')}
                </button>
              </p>`
          : nothing
      }
    </div>`;
  }

  private renderEdit(editing: Editing): TemplateResult {
    const t = this.context.t;
    return html`<form part="form edit-form" novalidate @submit=${this.editor.save}>
      <div class="stack">
        <h4>${t('leads.edit.title')}</h4>
        ${this.renderConflict(editing)}
        ${this.fields.map((field) =>
          renderField(field, {
            idPrefix: 'edit',
            value: editing.values[field.key] ?? '',
            error: editing.errors[field.key],
            disabled: editing.saving,
            t,
            onValue: this.editor.onValue,
            onLeave: () => {},
          }),
        )}
        ${editing.message ? html`<p class="alert" part="alert" role="alert">${editing.message}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" aria-disabled=${editing.saving ? 'true' : 'false'}>
            ${editing.saving ? t('leads.edit.saving') : t('leads.edit.save')}
          </button>
          <button type="button" part="button" @click=${() => this.editor.cancel()}>
            ${t('leads.edit.cancel')}
          </button>
        </div>
      </div>
    </form>`;
  }

  protected override render(): TemplateResult {
    const lead = this.lead;
    const { t, locale } = this.context;
    const editable = isPartnerEditableStage(lead.stage);
    const editing = this.editor.editing;
    const words = { yes: t('field.yes'), no: t('field.no'), empty: t('field.empty') };
    const value = (field: FormField) =>
      field.key === 'company'
        ? lead.company
        : field.key === 'email' || field.key === 'firstName' || field.key === 'lastName'
          ? lead[field.key]
          : lead.fields[field.key];
    return html`<div class="stack" part="lead-detail">
      <div>
        <button type="button" class="link" part="button button-link back" @click=${() => this.onBack()}>
          ← ${t('leads.back')}
        </button>
      </div>
      <div class="spread">
        <h3 id="lead-detail-title" tabindex="-1" part="view-title">${leadName(lead)}</h3>
        ${
          editable && !editing
            ? html`<button
                type="button"
                id="lead-edit-button"
                class="icon-button"
                part="button edit-button"
                aria-label=${t('leads.detail.edit')}
                title=${t('leads.detail.edit')}
                @click=${() => this.editor.start(lead)}
              >
                ${pencilIcon}
              </button>`
            : nothing
        }
      </div>
      ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${
        editing
          ? this.renderEdit(editing)
          : html`<dl class="details" part="details">
              <dt>${t('leads.detail.status')}</dt>
              <dd><span class="badge status-${lead.stage}" part="status-badge">${stageLabel(lead, this.context)}</span></dd>
              <dt>${t('leads.detail.submitted')}</dt>
              <dd>${formatDate(lead.createdAt, locale)}</dd>
              <dt>${t('leads.detail.source')}</dt>
              <dd>${t(`leads.detail.source.${lead.source}`)}</dd>
              ${this.fields.map(
                (field) =>
                  html`<dt>${field.label}</dt><dd>${displayValue(field, value(field), words)}</dd>`,
              )}
              ${
                lead.customer
                  ? html`<dt>${t('leads.detail.customer')}</dt>
                      <dd>
                        ${t(`customers.status.${lead.customer.status}`)} ·
                        ${formatMoney(lead.customer.revenue, locale)}
                      </dd>`
                  : nothing
              }
            </dl>
            ${
              editable
                ? nothing
                : html`<p class="muted">${t('leads.detail.notEditable', { stage: stageLabel(lead, this.context) })}</p>`
            }
            <div>
              <button
                type="button"
                part="button"
                @click=${() =>
                  this.context.navigate({
                    view: 'messages',
                    leadId: lead.id,
                    leadName: leadName(lead),
                  })}
              >
                ${t('leads.detail.message')}
              </button>
            </div>`
      }
      <h4>${t('leads.detail.history')}</h4>
      ${
        this.events
          ? renderHistory(this.events, this.context, this.fields)
          : html`<p class="muted" role="status">${t('shell.loading')}</p>`
      }
    </div>`;
  }
}

defineOnce('lead-form-lead-detail', LeadDetailElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-lead-detail': LeadDetailElement;
  }
}
