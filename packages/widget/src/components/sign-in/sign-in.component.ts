import { isValidEmail, type Locale } from '@leadbridge/core';
import { PartnerSignInResource } from '@leadbridge/sdk/partner';
import { html, nothing } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import { failureOf } from '../../api/problems.js';
import type { PartnerSession, PublicProgram } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { englishTranslate, type Translate } from '../../i18n/i18n.js';
import { renderCodeField } from '../code-field.js';
import { ViewElement } from '../view-element.js';
import { signInStyles } from './sign-in.styles.js';

const CODE_MINUTES = 10;

/**
 * Email sign-in for partners on sites without a backend: the API emails a 6-digit code to a
 * partner enrolled in the program, and the code is exchanged for a partner session.
 *
 * @csspart sign-in - The sign-in form (email, then code).
 * @csspart apply-link - "Not a partner yet? Apply to join", when the program takes applications.
 */
export class SignInElement extends ViewElement {
  static override viewStyles = [signInStyles];
  static override properties = {
    api: { attribute: false },
    publishableKey: { attribute: false },
    programName: { attribute: false },
    program: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    onSignedIn: { attribute: false },
    step: { state: true },
    email: { state: true },
    code: { state: true },
    error: { state: true },
    busy: { state: true },
    expiresInMinutes: { state: true },
    applying: { state: true },
  };

  declare api: WidgetApi | null;
  declare publishableKey: string;
  declare programName: string;
  /** The program: when it takes applications, a visitor who is not a partner may apply. */
  declare program: PublicProgram | null;
  declare t: Translate;
  declare locale: Locale;
  declare onSignedIn: (session: PartnerSession) => void;
  declare step: 'email' | 'code';
  declare email: string;
  declare code: string;
  declare error: string | null;
  declare busy: boolean;
  declare expiresInMinutes: number;
  /** "Apply to join" is shown (its chunk loaded) instead of the sign-in. */
  declare applying: boolean;

  constructor() {
    super();
    this.api = null;
    this.publishableKey = '';
    this.programName = '';
    this.t = englishTranslate;
    this.locale = 'en';
    this.onSignedIn = () => {};
    this.step = 'email';
    this.email = '';
    this.code = '';
    this.error = null;
    this.busy = false;
    this.expiresInMinutes = CODE_MINUTES;
    this.program = null;
    this.applying = false;
  }

  private get open(): boolean {
    return !!this.program && this.program.applications !== 'closed';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The hosted portal's "Apply to join" link lands on `#apply`.
    window.addEventListener('hashchange', this.followHash);
    this.followHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.followHash);
  }

  private followHash = () => {
    if (location.hash === '#apply' && this.open) void this.apply();
  };

  private async apply(): Promise<void> {
    try {
      await import('../apply/apply.component.js');
    } catch {
      this.error = this.t('shell.error.network');
      return;
    }
    this.applying = true;
    this.error = null;
  }

  protected override willUpdate(): void {
    // The program arrives after the element connects: a landing on `#apply` waits for it.
    if (!this.applying && this.open && location.hash === '#apply') void this.apply();
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
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
            : failure.status === 429
              ? t('signIn.error.rateLimited')
              : failure.code === 'origin_not_allowed'
                ? t('shell.error.origin')
                : failure.status === 0
                  ? t('shell.error.network')
                  : failure.code === 'validation_failed' && failure.errors[0]?.field === 'code'
                    ? t('signIn.error.codeFormat')
                    : failure.code === 'validation_failed'
                      ? t('signIn.error.emailInvalid')
                      : failure.detail || t('shell.error.generic');
    emitLeadFormEvent(this, 'lead-form:error', { code: failure.code, message });
    return message;
  }

  private async requestCode(event?: Event): Promise<void> {
    event?.preventDefault();
    const email = this.email.trim();
    if (!email) {
      this.error = this.t('signIn.error.emailRequired');
      return void this.focusOn('#sign-in-email');
    }
    if (!isValidEmail(email)) {
      this.error = this.t('signIn.error.emailInvalid');
      return void this.focusOn('#sign-in-email');
    }
    if (!this.api || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await new PartnerSignInResource(this.api.core).requestCode({
        publishableKey: this.publishableKey,
        email,
        // The code's email is written in the language the partner reads here (unless they chose one).
        locale: this.locale,
      });
      this.step = 'code';
      this.code = '';
      void this.focusOn('#sign-in-code');
    } catch (error) {
      this.error = this.failureMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async verify(event: Event): Promise<void> {
    event.preventDefault();
    const code = this.code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.error = this.t('signIn.error.codeFormat');
      return void this.focusOn('#sign-in-code');
    }
    if (!this.api || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const session = await new PartnerSignInResource(this.api.core).verify({
        publishableKey: this.publishableKey,
        email: this.email.trim(),
        code,
      });
      this.onSignedIn(session);
    } catch (error) {
      this.error = this.failureMessage(error);
      void this.focusOn('#sign-in-code');
    } finally {
      this.busy = false;
    }
  }

  private renderError(id: string) {
    return this.error
      ? html`<p class="field-error" part="field-error" id=${id} role="alert">${this.error}</p>`
      : nothing;
  }

  protected override render() {
    const t = this.t;
    if (this.applying) {
      return html`<lead-form-apply
        .api=${this.api}
        .publishableKey=${this.publishableKey}
        .program=${this.program}
        .t=${t}
        .locale=${this.locale}
        .onSignedIn=${this.onSignedIn}
        .onBack=${() => {
          this.applying = false;
          if (location.hash === '#apply')
            history.replaceState(null, '', location.pathname + location.search);
          void this.focusOn('#sign-in-email');
        }}
      ></lead-form-apply>`;
    }
    if (this.step === 'email') {
      return html`<form part="form sign-in" novalidate @submit=${this.requestCode}>
        <h3 part="view-title">${t('signIn.title', { program: this.programName })}</h3>
        <p class="muted" part="intro">${t('signIn.intro')}</p>
        <div class="field" part="field">
          <label for="sign-in-email" part="label">${t('signIn.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            part="input"
            autocomplete="email"
            required
            .value=${this.email}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'sign-in-error' : nothing}
            @input=${(event: Event) => (this.email = (event.target as HTMLInputElement).value)}
          />
          ${this.renderError('sign-in-error')}
        </div>
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('signIn.sending') : t('signIn.sendCode')}
          </button>
        </div>
        ${
          this.open
            ? html`<p><button type="button" class="link" part="button button-link apply-link" @click=${() => void this.apply()}>${t('apply.link')}</button></p>`
            : nothing
        }
      </form>`;
    }
    return html`<form part="form sign-in" novalidate @submit=${this.verify}>
      <h3 part="view-title">${t('signIn.title', { program: this.programName })}</h3>
      <p role="status" part="notice">
        ${t('signIn.codeSent', { email: this.email.trim(), minutes: this.expiresInMinutes })}
      </p>
      ${renderCodeField({
        id: 'sign-in-code',
        errorId: 'sign-in-error',
        code: this.code,
        error: this.error,
        t,
        onInput: (code) => (this.code = code),
      })}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t('signIn.verifying') : t('signIn.verify')}
        </button>
        <button type="button" class="link" part="button button-link" @click=${() => void this.requestCode()}>
          ${t('signIn.resend')}
        </button>
        <button
          type="button"
          class="link"
          part="button button-link"
          @click=${() => {
            this.step = 'email';
            this.error = null;
            void this.focusOn('#sign-in-email');
          }}
        >
          ${t('signIn.otherEmail')}
        </button>
      </div>
      <p class="help" part="help">${t('signIn.noCode', { program: this.programName })}</p>
    </form>`;
  }
}

defineOnce('lead-form-sign-in', SignInElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-sign-in': SignInElement;
  }
}
