import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/i18n.js';

/**
 * The emailed one-time code's input, with its help and error: the same for signing in and for
 * confirming an application, so a partner meets one control (autofill from the mail app too).
 */
export function renderCodeField(options: {
  /** The input's id; its help and error take `<id>-help` and `errorId`. */
  id: string;
  errorId: string;
  code: string;
  error: string | null;
  t: Translate;
  onInput: (code: string) => void;
}): TemplateResult {
  const { id, errorId, code, error, t, onInput } = options;
  const help = `${id}-help`;
  return html`<div class="field" part="field">
    <label for=${id} part="label">${t('signIn.code')}</label>
    <input
      id=${id}
      class="code-input"
      part="input"
      inputmode="numeric"
      autocomplete="one-time-code"
      maxlength="12"
      required
      .value=${code}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${help} ${errorId}` : help}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
    <p class="help" part="help" id=${help}>${t('signIn.codeHelp')}</p>
    ${error ? html`<p class="field-error" part="field-error" id=${errorId} role="alert">${error}</p>` : nothing}
  </div>`;
}
