import { type FormField, type Locale, validateField } from '@leadbridge/core';
import { ProgramApplicationsResource } from '@leadbridge/sdk/partner';
import { html, nothing } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import { failureOf } from '../../api/problems.js';
import type { PartnerSession, PublicProgram } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { renderField } from '../../fields/field-controls.js';
import { emptyValue, type FormValue, type FormValues } from '../../fields/form-values.js';
import { englishTranslate, type Translate } from '../../i18n/i18n.js';
import { renderCodeField } from '../code-field.js';
import { ViewElement } from '../view-element.js';
import { applyStyles } from './apply.styles.js';

const CODE_MINUTES = 10;
/** The applicant's own details: asked by every program, before its questions. */
const DETAILS = ['name', 'email', 'company', 'website'] as const;

/**
 * "Apply to join": a visitor who is not a partner sends their details and the program's own
 * questions, confirms the email with a 6-digit code, and is then either told the company will
 * answer, or signed in at once where the program approves automatically (ADR 0020).
 *
 * @csspart apply - The application form, the code step and the thanks.
 */
export class ApplyElement extends ViewElement {
  static override viewStyles = [applyStyles];
  static override properties = {
    api: { attribute: false },
    publishableKey: { attribute: false },
    program: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    onSignedIn: { attribute: false },
    onBack: { attribute: false },
    step: { state: true },
    values: { state: true },
    errors: { state: true },
    code: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare api: WidgetApi | null;
  declare publishableKey: string;
  declare program: PublicProgram | null;
  declare t: Translate;
  declare locale: Locale;
  declare onSignedIn: (session: PartnerSession) => void;
  declare onBack: () => void;
  declare step: 'details' | 'code' | 'thanks';
  declare values: FormValues;
  declare errors: Record<string, string>;
  declare code: string;
  declare error: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.api = null;
    this.publishableKey = '';
    this.program = null;
    this.t = englishTranslate;
    this.locale = 'en';
    this.onSignedIn = () => {};
    this.onBack = () => {};
    this.step = 'details';
    this.values = {};
    this.errors = {};
    this.code = '';
    this.error = null;
    this.busy = false;
  }

  /** The details as form fields (labels in the reader's language), then the program's questions. */
  private fields(): FormField[] {
    const t = this.t;
    const detail = (key: (typeof DETAILS)[number], order: number): FormField => ({
      key,
      label: t(`apply.${key}`),
      type: key === 'email' ? 'email' : key === 'website' ? 'url' : 'text',
      required: key === 'name' || key === 'email',
      order,
    });
    return [...DETAILS.map(detail), ...(this.program?.applicationQuestions.fields ?? [])];
  }

  private value(field: FormField): FormValue {
    return this.values[field.key] ?? emptyValue(field);
  }

  private check(field: FormField): string | null {
    const result = validateField(field, this.value(field), this.locale);
    return result.ok ? null : result.error.message;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  private text(key: string): string | undefined {
    const value = this.values[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  private failureMessage(error: unknown): string {
    const failure = failureOf(error);
    const t = this.t;
    const message =
      failure.code === 'invalid_code'
        ? t('signIn.error.invalidCode')
        : failure.code === 'code_expired'
          ? t('signIn.error.expired')
          : failure.code === 'too_many_attempts'
            ? t('signIn.error.tooManyAttempts')
            : failure.code === 'applications_closed'
              ? t('apply.error.closed')
              : failure.status === 429
                ? t('signIn.error.rateLimited')
                : failure.status === 0
                  ? t('shell.error.network')
                  : failure.detail || t('shell.error.generic');
    emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message });
    return message;
  }

  private async send(event?: Event): Promise<void> {
    event?.preventDefault();
    const fields = this.fields();
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const message = this.check(field);
      if (message) errors[field.key] = message;
    }
    this.errors = errors;
    const first = fields.find((field) => errors[field.key]);
    if (first) return void this.focusOn(`#apply-${first.key}`);
    if (!this.api || this.busy) return;
    this.busy = true;
    this.error = null;
    const answers: Record<string, unknown> = {};
    for (const field of this.program?.applicationQuestions.fields ?? []) {
      const value = this.values[field.key];
      if (value !== undefined && value !== '') answers[field.key] = value;
    }
    try {
      await new ProgramApplicationsResource(this.api.core).apply({
        publishableKey: this.publishableKey,
        name: this.text('name') ?? '',
        email: this.text('email') ?? '',
        company: this.text('company') ?? null,
        website: this.text('website') ?? null,
        answers,
        locale: this.locale,
      });
      this.step = 'code';
      this.code = '';
      void this.focusOn('#apply-code');
    } catch (error) {
      this.placeProblem(error);
    } finally {
      this.busy = false;
    }
  }

  /** The API's field errors next to their fields (`answers.x` → the question x). */
  private placeProblem(error: unknown): void {
    const failure = failureOf(error);
    if (failure.code !== 'validation_failed' || failure.errors.length === 0) {
      this.error = this.failureMessage(error);
      return;
    }
    const errors: Record<string, string> = {};
    for (const issue of failure.errors) {
      const key = issue.field.replace(/^answers\./, '');
      // A code of the API's own (the allow-list), beyond core's field error codes.
      const code: string = issue.code;
      errors[key] =
        code === 'email_domain_not_allowed' ? this.t('apply.error.domain') : issue.message;
    }
    this.errors = errors;
    const first = this.fields().find((field) => errors[field.key]);
    if (first) void this.focusOn(`#apply-${first.key}`);
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const code = this.code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.error = this.t('signIn.error.codeFormat');
      return void this.focusOn('#apply-code');
    }
    if (!this.api || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const confirmed = await new ProgramApplicationsResource(this.api.core).confirm({
        publishableKey: this.publishableKey,
        email: this.text('email') ?? '',
        code,
      });
      if (confirmed.session) this.onSignedIn(confirmed.session);
      else {
        this.step = 'thanks';
        void this.focusOn('h3');
      }
    } catch (error) {
      this.error = this.failureMessage(error);
      void this.focusOn('#apply-code');
    } finally {
      this.busy = false;
    }
  }

  private renderError() {
    return this.error
      ? html`<p class="field-error" part="field-error" id="apply-error" role="alert">${this.error}</p>`
      : nothing;
  }

  protected override render() {
    const t = this.t;
    const program = this.program?.name ?? '';
    const email = this.text('email') ?? '';
    const title = html`<h3 part="view-title" tabindex="-1">${
      this.step === 'thanks' ? t('apply.thanksTitle') : t('apply.title', { program })
    }</h3>`;
    if (this.step === 'thanks') {
      return html`<div part="apply" role="status">${title}<p>${t('apply.thanks', { program, email })}</p></div>`;
    }
    if (this.step === 'code') {
      return html`<form part="form apply" novalidate @submit=${this.confirm}>
        ${title}
        <p role="status" part="notice">${t('apply.codeSent', { email, minutes: CODE_MINUTES })}</p>
        ${renderCodeField({
          id: 'apply-code',
          errorId: 'apply-error',
          code: this.code,
          error: this.error,
          t,
          onInput: (code) => (this.code = code),
        })}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t('apply.confirm')}
          </button>
          <button type="button" class="link" part="button button-link" @click=${() => void this.send()}>
            ${t('signIn.resend')}
          </button>
        </div>
      </form>`;
    }
    return html`<form part="form apply" novalidate @submit=${this.send}>
      ${title}
      <p class="muted" part="intro">${t('apply.intro')}</p>
      ${this.fields().map((field) =>
        renderField(field, {
          idPrefix: 'apply',
          value: this.value(field),
          error: this.errors[field.key],
          t,
          onValue: (key, value) => {
            this.values = { ...this.values, [key]: value };
            if (this.errors[key]) this.recheck(key);
          },
          onLeave: (key) => this.recheck(key),
        }),
      )}
      ${this.renderError()}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${t('apply.submit')}
        </button>
        <button type="button" class="link" part="button button-link" @click=${() => this.onBack()}>
          ${t('apply.back')}
        </button>
      </div>
    </form>`;
  }

  private recheck(key: string): void {
    const field = this.fields().find((candidate) => candidate.key === key);
    if (!field) return;
    const errors = { ...this.errors };
    const message = this.check(field);
    if (message) errors[key] = message;
    else delete errors[key];
    this.errors = errors;
  }
}

defineOnce('lead-form-apply', ApplyElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-apply': ApplyElement;
  }
}
