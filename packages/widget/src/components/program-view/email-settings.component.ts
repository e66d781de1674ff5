import { isLocale, LOCALE_NAMES, type Locale, SUPPORTED_LOCALES } from '@leadbridge/core';
import { PartnerResource } from '@leadbridge/sdk/partner';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { type CallFailure, failureOf } from '../../api/problems.js';
import { defineOnce } from '../../define.js';
import type { ViewContext } from '../navigation.js';

const KINDS = ['lead_stage', 'import_completed', 'commission', 'message'] as const;
type Kind = (typeof KINDS)[number];

interface Preferences extends Record<Kind, boolean> {
  emailLocale: Locale | null;
  programLocale: Locale;
}

/**
 * The partner's email settings: which emails they get and in which language (their own, or the
 * program's default that the company set). Each change is saved at once. Rendered into the
 * Program view's shadow root (light DOM here), so it uses that view's styles.
 */
export class EmailSettingsElement extends LitElement {
  static override properties = {
    context: { attribute: false },
    preferences: { state: true },
    failure: { state: true },
    status: { state: true },
    busy: { state: true },
  };

  declare context: ViewContext;
  declare preferences: Preferences | null;
  declare failure: CallFailure | null;
  /** What the last save did, announced politely. */
  declare status: string;
  declare busy: boolean;

  constructor() {
    super();
    this.preferences = null;
    this.failure = null;
    this.status = '';
    this.busy = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private resource(): PartnerResource | null {
    const api = this.context.api;
    return api ? new PartnerResource(api.core) : null;
  }

  private async load(): Promise<void> {
    const resource = this.resource();
    if (!resource) return;
    this.failure = null;
    try {
      this.preferences = (await resource.notificationPreferences()) as Preferences;
    } catch (error) {
      this.failure = failureOf(error);
      if (this.failure.status === 401) this.context.sessionExpired();
    }
  }

  private async save(change: Partial<Preferences>): Promise<void> {
    const resource = this.resource();
    if (!resource || !this.preferences) return;
    const t = this.context.t;
    this.busy = true;
    this.status = t('settings.saving');
    try {
      this.preferences = (await resource.updateNotificationPreferences(change)) as Preferences;
      this.status = t('settings.saved');
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      this.status = t('settings.failed', {
        detail: failure.status === 0 ? t('shell.error.network') : failure.detail,
      });
    } finally {
      this.busy = false;
    }
  }

  private onLanguage = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    void this.save({ emailLocale: isLocale(value) ? value : null });
  };

  protected override render(): TemplateResult {
    const t = this.context.t;
    if (this.failure) {
      return html`<div class="alert" part="alert" role="alert">
        <p>${t('settings.loadFailed')}</p>
        <button type="button" part="button" @click=${() => void this.load()}>${t('shell.retry')}</button>
      </div>`;
    }
    const preferences = this.preferences;
    if (!preferences) {
      return html`<p class="muted" part="loading" role="status">${t('shell.loading')}</p>`;
    }
    return html`<div class="stack" part="email-settings">
      <div class="field">
        <label for="email-language">${t('settings.language')}</label>
        <select
          id="email-language"
          part="select email-language"
          aria-describedby="email-language-help"
          ?disabled=${this.busy}
          @change=${this.onLanguage}
        >
          <option value="" ?selected=${preferences.emailLocale === null}>
            ${t('settings.languageDefault', { language: LOCALE_NAMES[preferences.programLocale] })}
          </option>
          ${SUPPORTED_LOCALES.map(
            (locale) =>
              html`<option value=${locale} lang=${locale} ?selected=${preferences.emailLocale === locale}>
                ${LOCALE_NAMES[locale]}
              </option>`,
          )}
        </select>
        <p class="help" id="email-language-help">${t('settings.languageHelp')}</p>
      </div>
      <fieldset>
        <legend>${t('settings.kinds')}</legend>
        <div class="choices">
          ${KINDS.map(
            (kind) => html`<label class="choice">
              <input
                type="checkbox"
                part="checkbox"
                .checked=${preferences[kind]}
                ?disabled=${this.busy}
                @change=${(event: Event) =>
                  void this.save({ [kind]: (event.target as HTMLInputElement).checked })}
              />
              <span>${t(`settings.kind.${kind}`)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <p class="muted" part="status" role="status">${this.status || nothing}</p>
    </div>`;
  }
}

defineOnce('lead-form-email-settings', EmailSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-email-settings': EmailSettingsElement;
  }
}
