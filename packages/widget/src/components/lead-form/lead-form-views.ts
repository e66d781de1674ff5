import { html, type TemplateResult } from 'lit';
import type { PublicProgram } from '../../api/types.js';
import type { ViewName } from '../navigation.js';
import type { LeadFormElement } from './lead-form.component.js';

/**
 * One view of the portal: Submit (in the first load), or a view loaded on first use — with
 * "Loading…" until its chunk arrives, and a retry if it does not.
 */
export function renderView(
  host: LeadFormElement,
  view: ViewName,
  program: PublicProgram,
): TemplateResult {
  const t = host.chunks.translator;
  const { preview, singleView } = host;
  if (view === 'submit') {
    return html`<lead-form-submit
      .schema=${program.formSchema}
      .api=${host.session.api}
      .t=${t}
      .locale=${host.resolvedLocale}
      .preview=${preview}
      .programName=${preview ? null : program.name}
      .importEnabled=${!preview && !singleView && program.leadImportEnabled}
      .submissionEnabled=${program.leadSubmissionEnabled}
      .showLeadsLink=${!singleView && !preview}
      .onNavigate=${host.navigate}
      .onSessionExpired=${host.session.expired}
      .onRefused=${host.programs.refreshIfVisible}
    ></lead-form-submit>`;
  }
  if (host.chunks.failed === view) {
    return html`<div class="alert" part="alert" role="alert">
      <p>${t('shell.viewLoadFailed')}</p>
      <button type="button" part="button" @click=${() => void host.chunks.loadView(view)}>${t('shell.retry')}</button>
    </div>`;
  }
  const lazy = host.chunks.lazyViews;
  if (!host.chunks.views.has(view) || !lazy) {
    void host.chunks.loadView(view);
    return html`<p class="muted" part="loading" role="status">${t('shell.loading')}</p>`;
  }
  return lazy(host, view, program);
}
