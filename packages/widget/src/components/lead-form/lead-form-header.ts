import { html, nothing, type TemplateResult } from 'lit';
import type { PublicProgram } from '../../api/types.js';
import type { LeadFormElement } from './lead-form.component.js';

/** Forgets the in-widget sign-in, back to the first tab, and puts the cursor in the email. */
function signOut(host: LeadFormElement): void {
  host.tab = 'submit';
  host.importOpen = false;
  host.unread = 0;
  void host.session.signOut().then(async () => {
    await host.updateComplete;
    await host.renderRoot.querySelector('lead-form-sign-in')?.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#sign-in-email')?.focus();
  });
}

/** The program's name (or "Preview"), and who is signed in with "Sign out" when it is ours. */
export function renderHeader(host: LeadFormElement, program: PublicProgram | null): TemplateResult {
  const t = host.chunks.translator;
  const me = host.session.me;
  return html`<header class="header" part="header">
    ${program?.name ? html`<h2 part="title">${program.name}</h2>` : nothing}
    ${host.preview ? html`<h2 class="preview-badge" part="title preview-badge">${t('shell.preview')}</h2>` : nothing}
    ${
      me
        ? html`<div class="account" part="account">
            <span>${t('shell.signedInAs', { name: me.partner.name })}</span>
            ${
              host.session.source === 'sign-in'
                ? html`<button type="button" class="link" part="button button-link sign-out" @click=${() => signOut(host)}>
                    ${t('shell.signOut')}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
  </header>`;
}
