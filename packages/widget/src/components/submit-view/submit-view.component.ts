import {
  type FieldError,
  type FormField,
  type LeadFormSchema,
  type Locale,
  validateField,
  validateLead,
} from '@leadbridge/core';
import { html, nothing, type PropertyValues } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import type { CallFailure } from '../../api/problems.js';
import { LeadSubmitController } from '../../controllers/lead-submit.controller.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { fieldId, renderField } from '../../fields/field-controls.js';
import {
  type FormValue,
  type FormValues,
  fieldKeyOfPath,
  formFields,
  initialValues,
  localizeFieldError,
  toLeadInput,
} from '../../fields/form-values.js';
import { englishTranslate, formatDate, type Translate } from '../../i18n/i18n.js';
import { ActionsMenu } from '../actions-menu.js';
import type { Navigation } from '../navigation.js';
import { ViewElement } from '../view-element.js';
import { renderSubmitResult } from './submit-result.js';
import { submitViewStyles } from './submit-view.styles.js';

/**
 * The lead form built from the program's schema: core's validateField when a field is left,
 * validateLead on submit, the server's field errors placed next to their inputs.
 *
 * @summary "Submit a lead", inside `<lead-form>`.
 *
 * @csspart view-header - The view's title row, with the "⋮" menu.
 * @csspart view-title - A view's title.
 * @csspart menu-button - The "⋮" button that opens the import menu.
 * @csspart menu - The menu it opens.
 * @csspart menu-item - An entry of the menu.
 * @csspart notice - A note: submission switched off, the values kept.
 * @csspart form - A form.
 * @csspart intro - The line above a view's content.
 * @csspart field - A field: its label, input, help and error.
 * @csspart label - A field's label.
 * @csspart required - The required marker of a label.
 * @csspart input - A text, email, number, date or search input.
 * @csspart textarea - A multi-line input.
 * @csspart select - A drop-down.
 * @csspart checkbox - A checkbox (also each option of a multiselect).
 * @csspart choice - A checkbox with its label.
 * @csspart help - A field's help text.
 * @csspart field-error - A field's error message.
 * @csspart button-primary - The main button of a view or form.
 * @csspart button-link - A button that looks like a link.
 * @csspart submit-button - The form's submit button.
 * @csspart success - A success message.
 */
export class SubmitViewElement extends ViewElement {
  static override viewStyles = [submitViewStyles];
  static override properties = {
    schema: { attribute: false },
    api: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    preview: { type: Boolean },
    programName: { attribute: false },
    importEnabled: { attribute: false },
    submissionEnabled: { attribute: false },
    showLeadsLink: { attribute: false },
    onNavigate: { attribute: false },
    onSessionExpired: { attribute: false },
    onRefused: { attribute: false },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    serverErrors: { state: true },
    submitted: { state: true },
    announcement: { state: true },
  };

  declare schema: LeadFormSchema;
  declare api: WidgetApi | null;
  declare t: Translate;
  declare locale: Locale;
  declare preview: boolean;
  declare programName: string | null;
  declare importEnabled: boolean;
  declare submissionEnabled: boolean;
  declare showLeadsLink: boolean;
  declare onNavigate: (to: Navigation) => void;
  declare onSessionExpired: () => void;
  /** The API refused a lead because of the program's settings: they changed, fetch them again. */
  declare onRefused: () => void;
  declare values: FormValues;
  declare errors: Record<string, string>;
  declare formError: string | null;
  declare serverErrors: string[];
  declare submitted: { leadId: string | null; name: string } | null;
  declare announcement: string;

  private fields: FormField[] = [];
  /** The API refused a lead because submission was off; the message goes when settings arrive. */
  private refused = false;
  private readonly menu = new ActionsMenu(this, 'submit-menu', (to) => this.onNavigate(to));
  private readonly sender = new LeadSubmitController(this);

  constructor() {
    super();
    this.schema = { fields: [] };
    this.api = null;
    this.t = englishTranslate;
    this.locale = 'en';
    this.preview = false;
    this.programName = null;
    this.importEnabled = false;
    this.submissionEnabled = true;
    this.showLeadsLink = false;
    this.onNavigate = () => {};
    this.onSessionExpired = () => {};
    this.onRefused = () => {};
    this.values = {};
    this.errors = {};
    this.formError = null;
    this.serverErrors = [];
    this.submitted = null;
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema')) {
      this.fields = formFields(this.schema);
      // Keep what was typed into fields that still exist (the admin's live preview edits the
      // schema while someone may be trying the form).
      const next = initialValues(this.fields);
      for (const field of this.fields) {
        const kept = this.values[field.key];
        if (kept !== undefined && typeof kept === typeof next[field.key]) next[field.key] = kept;
      }
      this.values = next;
    }
    if (changed.has('submissionEnabled') && this.refused) {
      this.refused = false;
      this.formError = null;
    }
    // Errors on screen follow a new language or form (a reloaded program); gone fields drop theirs.
    if ((changed.has('locale') || changed.has('schema')) && Object.keys(this.errors).length > 0) {
      this.revalidateShownErrors();
    }
  }

  /** Resets the form, e.g. for "Submit another lead". */
  reset(): void {
    this.values = initialValues(this.fields);
    this.errors = {};
    this.formError = null;
    this.serverErrors = [];
    this.submitted = null;
    this.sender.reset();
  }

  private revalidateShownErrors(): void {
    const errors: Record<string, string> = {};
    for (const field of this.fields) {
      if (!this.errors[field.key]) continue;
      const result = validateField(field, this.values[field.key], this.locale);
      if (!result.ok) errors[field.key] = result.error.message;
    }
    this.errors = errors;
  }

  private onValue = (key: string, value: FormValue) => {
    this.values = { ...this.values, [key]: value };
    // Once a field shows an error, re-check as the person types so it clears when fixed.
    if (this.errors[key]) this.validateOne(key, false);
  };

  private onLeave = (key: string) => {
    this.validateOne(key, true);
  };

  private validateOne(key: string, announce: boolean): void {
    const field = this.fields.find((candidate) => candidate.key === key);
    if (!field) return;
    const result = validateField(field, this.values[key], this.locale);
    const errors = { ...this.errors };
    if (result.ok) delete errors[key];
    else errors[key] = result.error.message;
    if (announce && !result.ok && errors[key] !== this.errors[key]) {
      this.announcement = result.error.message;
    }
    this.errors = errors;
  }

  /** Puts errors next to their fields; those that name no field are listed above the button. */
  private placeErrors(list: readonly FieldError[]): void {
    const errors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const error of list) {
      const key = fieldKeyOfPath(error.field);
      const field = this.fields.find((candidate) => candidate.key === key);
      const message = localizeFieldError(error, this.fields, this.locale);
      if (!field) unplaced.push(message);
      else errors[key] ??= message;
    }
    this.errors = errors;
    this.serverErrors = unplaced;
    const count = Object.keys(errors).length + unplaced.length;
    this.announcement = this.t('submit.fixErrors', { count });
    void this.focusFirstError();
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = this.fields.find((field) => this.errors[field.key]);
    if (!first) return;
    const id = fieldId('submit', first.key);
    const target =
      first.type === 'multiselect'
        ? (this.querySelector<HTMLElement>(`#${id}-0`) ?? this.querySelector<HTMLElement>(`#${id}`))
        : this.querySelector<HTMLElement>(`#${id}`);
    target?.focus();
  }

  /** Whether the partner has typed anything (kept, and shown, while submission is off). */
  private get typed(): boolean {
    return JSON.stringify(this.values) !== JSON.stringify(initialValues(this.fields));
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sender.sending || !this.submissionEnabled) return;
    this.formError = null;
    this.serverErrors = [];
    const input = toLeadInput(this.fields, this.values);
    const result = validateLead(this.schema, input, { locale: this.locale });
    if (!result.ok) {
      this.placeErrors(result.errors);
      return;
    }
    this.errors = {};
    const name = [result.value.firstName, result.value.lastName].filter(Boolean).join(' ');
    const shownName = name || result.value.email;
    if (this.preview || !this.api) {
      this.submitted = { leadId: null, name: shownName };
      void this.focusResult();
      return;
    }
    const sent = await this.sender.send(this.api, input);
    if ('failure' in sent) return this.handleFailure(sent.failure);
    this.submitted = { leadId: sent.lead.id, name: shownName };
    emitLeadFormEvent(this, 'lead-form:submitted', { leadId: sent.lead.id });
    void this.focusResult();
  }

  private handleFailure(failure: CallFailure): void {
    const t = this.t;
    let message: string;
    if (failure.status === 401) {
      this.onSessionExpired();
      message = t('shell.error.sessionExpired');
    } else if (failure.code === 'validation_failed' && failure.errors.length > 0) {
      this.placeErrors(failure.errors);
      message = this.announcement;
    } else {
      if (failure.code === 'duplicate_lead') {
        const date = formatDate(String(failure.problem.firstRegisteredAt ?? ''), this.locale);
        const reason = failure.problem.reason === 'domain' ? 'domain' : 'email';
        message = t(`submit.duplicate.${reason}`, { date });
        this.errors = { ...this.errors, email: t('submit.duplicate.field') };
      } else if (failure.code === 'lead_submission_disabled') {
        // Turned off since the form was loaded: say so, keep every value, fetch the settings.
        message = `${t('submit.disabled')} ${t('submit.kept')}`;
        this.refused = true;
        this.onRefused();
      } else if (failure.status === 429) message = t('submit.rateLimited');
      else if (failure.status === 0) message = t('shell.error.network');
      else message = t('submit.failed', { detail: failure.detail || failure.code });
      this.formError = message;
    }
    emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message });
  }

  private async focusResult(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#submit-result')?.focus();
  }

  protected override render() {
    const t = this.t;
    const closed = !this.submissionEnabled;
    const typed = closed && this.typed;
    return html`<div class="submit-header" part="view-header">
        <h3 part="view-title">${t('submit.title')}</h3>
        ${this.importEnabled ? this.menu.render(t) : nothing}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${closed ? html`<p class="notice" part="notice" role="status">${t('submit.disabled')}${typed ? ` ${t('submit.kept')}` : ''}</p>` : nothing}
      ${
        closed && !typed
          ? nothing
          : this.submitted
            ? renderSubmitResult(this, this.submitted)
            : html`<form part="form" novalidate @submit=${this.submit}>
              <div class="lead-form-fields">
                <p class="muted" part="intro">${t('submit.intro')}</p>
                ${this.fields.map((field) =>
                  renderField(field, {
                    idPrefix: 'submit',
                    value: this.values[field.key] ?? '',
                    error: this.errors[field.key],
                    disabled: this.sender.sending,
                    t,
                    onValue: this.onValue,
                    onLeave: this.onLeave,
                  }),
                )}
                ${
                  this.formError || this.serverErrors.length
                    ? html`<div class="alert" part="alert" role="alert">
                      ${this.formError ? html`<p>${this.formError}</p>` : nothing}
                      ${
                        this.serverErrors.length
                          ? html`<p>${t('submit.serverErrors')}</p>
                            <ul>${this.serverErrors.map((message) => html`<li>${message}</li>`)}</ul>`
                          : nothing
                      }
                    </div>`
                    : nothing
                }
                <div class="actions">
                  <button type="submit" class="primary" part="button button-primary submit-button" aria-disabled=${this.sender.sending || closed ? 'true' : 'false'}>
                    ${this.sender.sending ? t('submit.sending') : t('submit.button')}
                  </button>
                </div>
              </div>
            </form>`
      }`;
  }
}

defineOnce('lead-form-submit', SubmitViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-submit': SubmitViewElement;
  }
}
