import { html, type TemplateResult } from 'lit';
import type { PublicProgram } from '../../api/types.js';
import type { ViewContext, ViewName } from '../navigation.js';
import type { LeadFormElement } from './lead-form.component.js';

/** What every lazily loaded view receives from the shell. */
function contextOf(host: LeadFormElement, program: PublicProgram): ViewContext {
  return {
    api: host.session.api,
    program,
    stageLabels: program.stageLabels,
    t: host.chunks.translator,
    locale: host.resolvedLocale,
    navigate: host.navigate,
    sessionExpired: host.session.expired,
    standalone: !!host.singleView,
  };
}

/**
 * A view loaded on first use, wired to the shell. Loaded with the first such view (by the
 * ChunksController), so the first load carries none of it.
 */
export function renderLazyView(
  host: LeadFormElement,
  view: Exclude<ViewName, 'submit'>,
  program: PublicProgram,
): TemplateResult {
  const context = contextOf(host, program);
  switch (view) {
    case 'import':
      return html`<lead-form-import
        .context=${context}
        .preview=${host.preview}
        .startWithHistory=${host.importHistory}
        .showBack=${!host.singleView}
      ></lead-form-import>`;
    case 'leads':
      return html`<lead-form-leads .context=${context}></lead-form-leads>`;
    case 'customers':
      return html`<lead-form-customers .context=${context}></lead-form-customers>`;
    case 'commissions':
      return html`<lead-form-commissions .context=${context}></lead-form-commissions>`;
    case 'summary':
      return html`<lead-form-program .context=${context}></lead-form-program>`;
    default:
      return html`<lead-form-messages
        .context=${context}
        .about=${host.messageAbout}
        .onUnreadChange=${(count: number) => (host.unread = count)}
      ></lead-form-messages>`;
  }
}
