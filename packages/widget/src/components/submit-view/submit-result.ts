import { html, nothing, type TemplateResult } from 'lit';
import type { SubmitViewElement } from './submit-view.component.js';

/** What the Submit view shows once a lead is in (or, in preview, would have been sent). */
export function renderSubmitResult(
  view: SubmitViewElement,
  submitted: { leadId: string | null; name: string },
): TemplateResult {
  const t = view.t;
  if (submitted.leadId === null) {
    return html`<div class="success" part="success" role="status">
      <h3 id="submit-result" tabindex="-1">${t('submit.preview.title')}</h3>
      <p>${t('submit.preview.body')}</p>
      <div class="actions">
        <button type="button" part="button" @click=${() => view.reset()}>${t('submit.success.another')}</button>
      </div>
    </div>`;
  }
  return html`<div class="success" part="success" role="status">
    <h3 id="submit-result" tabindex="-1">${t('submit.success.title')}</h3>
    <p>
      ${
        view.programName
          ? t('submit.success.body', { name: submitted.name, program: view.programName })
          : t('submit.success.bodyNoProgram', { name: submitted.name })
      }
    </p>
    <div class="actions">
      <button type="button" class="primary" part="button button-primary" @click=${() => view.reset()}>
        ${t('submit.success.another')}
      </button>
      ${
        view.showLeadsLink
          ? html`<button type="button" part="button" @click=${() => view.onNavigate({ view: 'leads' })}>
              ${t('submit.success.viewLeads')}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}
