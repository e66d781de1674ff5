import {
  type FieldError,
  type FormField,
  fieldErrorMessage,
  isFieldErrorCode,
  type LeadFormSchema,
  type Locale,
  validateField,
  validateLead,
} from '@leadbridge/core';
import { randomUuid } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import { type CallFailure, failureOf } from '../../api/problems.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { fieldId, renderField } from '../../fields/field-controls.js';
import {
  type FormValue,
  type FormValues,
  fieldKeyOfPath,
  formFields,
  initialValues,
  toLeadInput,
} from '../../fields/form-values.js';
import { englishTranslate, formatDate, type Translate } from '../../i18n/i18n.js';
import { ActionsMenu } from '../actions-menu.js';
import { ViewElement } from '../view-element.js';
import { submitViewStyles } from './submit-view.styles.js';

export type SubmitNavigation = 'import' | 'history' | 'leads';

/**
 * The lead form built from the program's schema: core's validateField when a field is left,
 * validateLead on submit, the server's field errors placed next to their inputs.
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
    sending: { state: true },
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
  declare onNavigate: (to: SubmitNavigation) => void;
  declare onSessionExpired: () => void;
  /** The API refused a lead because of the program's settings: they changed, fetch them again. */
  declare onRefused: () => void;
  declare values: FormValues;
  declare errors: Record<string, string>;
  declare formError: string | null;
  declare serverErrors: string[];
  declare sending: boolean;
  declare submitted: { leadId: string | null; name: string } | null;
  declare announcement: string;

  private fields: FormField[] = [];
  /** The API refused a lead because submission was off; the message goes when settings arrive. */
  private refused = false;
  private readonly menu = new ActionsMenu(this, 'submit-menu', (to) => this.onNavigate(to));
  private attempt: { key: string; body: string } | null = null;

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
    this.sending = false;
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
    this.attempt = null;
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

  private localized(error: FieldError, field: FormField | undefined): string {
    if (!isFieldErrorCode(error.code)) return error.message;
    const params = { label: field?.label ?? error.field, ...error.params };
    return fieldErrorMessage(error.code, params, this.locale);
  }

  /** Puts errors next to their fields; those that name no field are listed above the button. */
  private placeErrors(list: readonly FieldError[]): void {
    const errors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const error of list) {
      const key = fieldKeyOfPath(error.field);
      const field = this.fields.find((candidate) => candidate.key === key);
      if (field && !errors[key]) errors[key] = this.localized(error, field);
      else if (!field) unplaced.push(this.localized(error, undefined));
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
    if (this.sending || !this.submissionEnabled) return;
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
    // One key per distinct body: a retry of the same lead is replayed, never doubled, while a
    // corrected lead is a new request (the API refuses a reused key with another body).
    const body = JSON.stringify(input);
    if (this.attempt?.body !== body) this.attempt = { key: randomUuid(), body };
    this.sending = true;
    try {
      const lead = await this.api.createLead(input, this.attempt.key);
      this.attempt = null;
      this.submitted = { leadId: lead.id, name: shownName };
      emitLeadFormEvent(this, 'lead-form:submitted', { leadId: lead.id });
      void this.focusResult();
    } catch (error) {
      const failure = failureOf(error);
      // A refusal created nothing, and its answer is what the key replays: the next try (say,
      // once submission is switched back on) needs a key of its own. Network errors and 5xx
      // keep the key, so a retry can never make the lead twice.
      if (failure.status >= 400 && failure.status < 500) this.attempt = null;
      this.handleFailure(failure);
    } finally {
      this.sending = false;
    }
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
    } else if (failure.code === 'duplicate_lead') {
      const date = formatDate(String(failure.problem.firstRegisteredAt ?? ''), this.locale);
      message = t(
        failure.problem.reason === 'domain' ? 'submit.duplicate.domain' : 'submit.duplicate.email',
        { date },
      );
      this.formError = message;
      this.errors = { ...this.errors, email: t('submit.duplicate.field') };
    } else if (failure.code === 'lead_submission_disabled') {
      // Turned off since the form was loaded: say so, keep every value, and fetch the settings.
      message = `${t('submit.disabled')} ${t('submit.kept')}`;
      this.formError = message;
      this.refused = true;
      this.onRefused();
    } else if (failure.status === 429) {
      message = t('submit.rateLimited');
      this.formError = message;
    } else if (failure.status === 0) {
      message = t('shell.error.network');
      this.formError = message;
    } else {
      message = t('submit.failed', { detail: failure.detail || failure.code });
      this.formError = message;
    }
    emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message });
  }

  private async focusResult(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#submit-result')?.focus();
  }

  private renderResult() {
    const t = this.t;
    const submitted = this.submitted;
    if (!submitted) return nothing;
    if (submitted.leadId === null) {
      return html`<div class="success" part="success" role="status">
        <h3 id="submit-result" tabindex="-1">${t('submit.preview.title')}</h3>
        <p>${t('submit.preview.body')}</p>
        <div class="actions">
          <button type="button" part="button" @click=${() => this.reset()}>${t('submit.success.another')}</button>
        </div>
      </div>`;
    }
    return html`<div class="success" part="success" role="status">
      <h3 id="submit-result" tabindex="-1">${t('submit.success.title')}</h3>
      <p>
        ${
          this.programName
            ? t('submit.success.body', { name: submitted.name, program: this.programName })
            : t('submit.success.bodyNoProgram', { name: submitted.name })
        }
      </p>
      <div class="actions">
        <button type="button" class="primary" part="button button-primary" @click=${() => this.reset()}>
          ${t('submit.success.another')}
        </button>
        ${
          this.showLeadsLink
            ? html`<button type="button" part="button" @click=${() => this.onNavigate('leads')}>
                ${t('submit.success.viewLeads')}
              </button>`
            : nothing
        }
      </div>
    </div>`;
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
            ? this.renderResult()
            : html`<form part="form" novalidate @submit=${this.submit}>
              <div class="lead-form-fields">
                <p class="muted" part="intro">${t('submit.intro')}</p>
                ${this.fields.map((field) =>
                  renderField(field, {
                    idPrefix: 'submit',
                    value: this.values[field.key] ?? '',
                    error: this.errors[field.key],
                    disabled: this.sending,
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
                  <button type="submit" class="primary" part="button button-primary submit-button" aria-disabled=${this.sending || closed ? 'true' : 'false'}>
                    ${this.sending ? t('submit.sending') : t('submit.button')}
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
