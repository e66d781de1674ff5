import {
  type FieldError,
  type FormField,
  fieldErrorMessage,
  formatMoney,
  isFieldErrorCode,
  isPartnerEditableStage,
  LEAD_STAGES,
  type LeadStage,
  validateLead,
} from '@leadbridge/core';
import { LeadsResource } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { failureOf } from '../../api/problems.js';
import type { Lead, LeadEvent } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { fieldId, renderField } from '../../fields/field-controls.js';
import {
  changedKeys,
  displayValue,
  type FormValue,
  type FormValues,
  fieldKeyOfPath,
  formFields,
  toLeadInput,
  toLeadPatch,
  valuesFromLead,
} from '../../fields/form-values.js';
import { formatDate } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ActionsMenu } from '../actions-menu.js';
import { ContextView } from '../context-view.js';
import { PagedList, renderListFooter } from '../paged-list.js';
import { pencilIcon } from './icons.js';
import { renderHistory } from './lead-history.js';
import { leadsViewStyles } from './leads-view.styles.js';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

interface Editing {
  /** The values the edit started from (the lead's, or the current ones after a conflict). */
  original: FormValues;
  values: FormValues;
  version: number;
  errors: Record<string, string>;
  saving: boolean;
  message: string | null;
  /** After a 409: what the partner had changed, to show and re-apply. */
  conflict: { version: number; mine: FormValues; keys: string[] } | null;
}

/** "My leads": the partner's leads with search, status filter, detail, history and edit. */
export class LeadsViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, leadsViewStyles];
  static override properties = {
    ...ContextView.properties,
    query: { state: true },
    stage: { state: true },
    selected: { state: true },
    events: { state: true },
    editing: { state: true },
    notice: { state: true },
  };

  declare query: string;
  declare stage: LeadStage | '';
  declare selected: Lead | null;
  declare events: LeadEvent[] | null;
  declare editing: Editing | null;
  declare notice: string | null;

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
    this.events = null;
    this.editing = null;
    this.notice = null;
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

  private stageLabel(lead: Lead): string {
    return this.context.stageLabels[lead.stage] ?? lead.stageLabel;
  }

  private leadName(lead: Pick<Lead, 'firstName' | 'lastName' | 'email'>): string {
    return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email;
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

  private async open(lead: Lead): Promise<void> {
    this.selected = lead;
    this.events = null;
    this.editing = null;
    this.notice = null;
    void this.focusOn('#lead-detail-title');
    await this.loadDetail(lead.id);
  }

  private async loadDetail(id: string): Promise<void> {
    try {
      const [lead, history] = await Promise.all([
        this.resource().get(id),
        this.resource().history(id, { limit: 100 }),
      ]);
      if (this.selected?.id !== id) return;
      this.selected = lead;
      this.events = history.data;
      this.list.replace((item) => item.id === id, lead);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      else
        this.notice = failure.status === 0 ? this.context.t('shell.error.network') : failure.detail;
    }
  }

  private back(): void {
    const id = this.selected?.id;
    this.selected = null;
    this.editing = null;
    this.notice = null;
    void this.focusOn(id ? `[data-lead="${id}"]` : '#leads-search');
  }

  // ── editing ───────────────────────────────────────────────────────────────────

  private startEdit(lead: Lead): void {
    const values = valuesFromLead(this.fields, lead);
    this.editing = {
      original: values,
      values,
      version: lead.version,
      errors: {},
      saving: false,
      message: null,
      conflict: null,
    };
    this.notice = null;
    void this.focusOn(`#${fieldId('edit', this.fields[0]?.key ?? 'email')}`);
  }

  private patchEditing(patch: Partial<Editing>): void {
    if (this.editing) this.editing = { ...this.editing, ...patch };
  }

  private localized(error: FieldError): string {
    const field = this.fields.find((candidate) => candidate.key === fieldKeyOfPath(error.field));
    if (!isFieldErrorCode(error.code)) return error.message;
    return fieldErrorMessage(
      error.code,
      { label: field?.label ?? error.field, ...error.params },
      this.context.locale,
    );
  }

  private placeErrors(errors: readonly FieldError[]): void {
    const placed: Record<string, string> = {};
    for (const error of errors) {
      const key = fieldKeyOfPath(error.field);
      placed[key] ??= this.localized(error);
    }
    this.patchEditing({ errors: placed, saving: false });
    const first = this.fields.find((field) => placed[field.key]);
    if (first) void this.focusOn(`#${fieldId('edit', first.key)}`);
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    const lead = this.selected;
    if (!editing || !lead || editing.saving) return;
    const t = this.context.t;
    const full = validateLead(
      this.context.program.formSchema,
      toLeadInput(this.fields, editing.values),
      {
        locale: this.context.locale,
      },
    );
    if (!full.ok) {
      this.placeErrors(full.errors);
      return;
    }
    const patch = toLeadPatch(this.fields, editing.original, editing.values);
    if (Object.keys(patch).length === 0) {
      this.editing = null;
      this.notice = t('leads.edit.noChanges');
      return;
    }
    this.patchEditing({ saving: true, errors: {}, message: null });
    try {
      const updated = await this.resource().update(lead.id, {
        ...patch,
        version: editing.version,
      } as never);
      this.editing = null;
      this.notice = t('leads.edit.saved');
      this.selected = updated;
      this.list.replace((item) => item.id === updated.id, updated);
      void this.focusOn('#lead-detail-title');
      void this.loadDetail(updated.id);
    } catch (error) {
      await this.saveFailed(error, lead);
    }
  }

  private async saveFailed(error: unknown, lead: Lead): Promise<void> {
    const t = this.context.t;
    const failure = failureOf(error);
    const editing = this.editing;
    if (!editing) return;
    if (failure.code === 'version_conflict') {
      const current =
        (failure.problem.current as Lead | undefined) ?? (await this.resource().get(lead.id));
      const currentValues = valuesFromLead(this.fields, current);
      const keys = changedKeys(this.fields, editing.original, editing.values);
      this.selected = current;
      this.list.replace((item) => item.id === current.id, current);
      this.editing = {
        original: currentValues,
        values: currentValues,
        version: current.version,
        errors: {},
        saving: false,
        message: null,
        conflict: { version: current.version, mine: editing.values, keys },
      };
      if (!isPartnerEditableStage(current.stage)) {
        this.editing = null;
        this.notice = t('leads.detail.notEditable', { stage: this.stageLabel(current) });
      }
      void this.focusOn('#edit-conflict');
    } else if (failure.code === 'lead_not_editable') {
      this.editing = null;
      this.notice = t('leads.edit.notEditable', { detail: failure.detail });
      void this.loadDetail(lead.id);
    } else if (failure.code === 'validation_failed' && failure.errors.length > 0) {
      this.placeErrors(failure.errors);
    } else if (failure.code === 'duplicate_lead') {
      this.patchEditing({
        saving: false,
        errors: { email: t('submit.duplicate.field') },
        message: failure.detail,
      });
    } else if (failure.status === 401) {
      this.context.sessionExpired();
    } else {
      this.patchEditing({
        saving: false,
        message:
          failure.status === 0
            ? t('shell.error.network')
            : failure.detail || t('shell.error.generic'),
      });
    }
    if (failure.code !== 'version_conflict') {
      emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message: failure.detail });
    }
  }

  private reapply(): void {
    const editing = this.editing;
    const conflict = editing?.conflict;
    if (!editing || !conflict) return;
    const values = { ...editing.values };
    for (const key of conflict.keys) {
      const mine = conflict.mine[key];
      if (mine !== undefined) values[key] = mine;
    }
    this.patchEditing({ values, conflict: null });
  }

  private onEditValue = (key: string, value: FormValue) => {
    if (!this.editing) return;
    const errors = { ...this.editing.errors };
    delete errors[key];
    this.patchEditing({ values: { ...this.editing.values, [key]: value }, errors });
  };

  // ── rendering ─────────────────────────────────────────────────────────────────

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
                <button type="button" part="button" @click=${() => this.reapply()}>
                  ${t('leads.edit.reapply')}
                </button>
              </p>`
          : nothing
      }
    </div>`;
  }

  private renderEdit(editing: Editing): TemplateResult {
    const t = this.context.t;
    return html`<form part="form edit-form" novalidate @submit=${this.save}>
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
            onValue: this.onEditValue,
            onLeave: () => {},
          }),
        )}
        ${editing.message ? html`<p class="alert" part="alert" role="alert">${editing.message}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" aria-disabled=${editing.saving ? 'true' : 'false'}>
            ${editing.saving ? t('leads.edit.saving') : t('leads.edit.save')}
          </button>
          <button type="button" part="button" @click=${() => {
            this.editing = null;
            void this.focusOn('#lead-edit-button');
          }}>
            ${t('leads.edit.cancel')}
          </button>
        </div>
      </div>
    </form>`;
  }

  private renderDetail(lead: Lead): TemplateResult {
    const { t, locale } = this.context;
    const editable = isPartnerEditableStage(lead.stage);
    const words = { yes: t('field.yes'), no: t('field.no'), empty: t('field.empty') };
    const value = (field: FormField) =>
      field.key === 'company'
        ? lead.company
        : field.key === 'email' || field.key === 'firstName' || field.key === 'lastName'
          ? lead[field.key]
          : lead.fields[field.key];
    return html`<div class="stack" part="lead-detail">
      <div>
        <button type="button" class="link" part="button button-link back" @click=${() => this.back()}>
          ← ${t('leads.back')}
        </button>
      </div>
      <div class="spread">
        <h3 id="lead-detail-title" tabindex="-1" part="view-title">${this.leadName(lead)}</h3>
        ${
          editable && !this.editing
            ? html`<button
                type="button"
                id="lead-edit-button"
                class="icon-button"
                part="button edit-button"
                aria-label=${t('leads.detail.edit')}
                title=${t('leads.detail.edit')}
                @click=${() => this.startEdit(lead)}
              >
                ${pencilIcon}
              </button>`
            : nothing
        }
      </div>
      ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${
        this.editing
          ? this.renderEdit(this.editing)
          : html`<dl class="details" part="details">
              <dt>${t('leads.detail.status')}</dt>
              <dd><span class="badge status-${lead.stage}" part="status-badge">${this.stageLabel(lead)}</span></dd>
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
                : html`<p class="muted">${t('leads.detail.notEditable', { stage: this.stageLabel(lead) })}</p>`
            }
            <div>
              <button
                type="button"
                part="button"
                @click=${() =>
                  this.context.navigate({
                    view: 'messages',
                    leadId: lead.id,
                    leadName: this.leadName(lead),
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

  protected override render(): TemplateResult {
    if (this.selected) return this.renderDetail(this.selected);
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
                        <button type="button" class="link" part="lead-link" data-lead=${lead.id} @click=${() => void this.open(lead)}>
                          ${this.leadName(lead)}
                        </button>
                      </td>
                      <td role="cell" data-label=${t('leads.col.company')}>${lead.company ?? nothing}</td>
                      <td role="cell" data-label=${t('leads.col.email')}>${lead.email}</td>
                      <td class="card-status" role="cell"><span class="badge status-${lead.stage}" part="status-badge">${this.stageLabel(lead)}</span></td>
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
