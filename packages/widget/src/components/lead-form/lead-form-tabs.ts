import { html, type TemplateResult } from 'lit';
import type { PublicProgram } from '../../api/types.js';
import type { ViewName } from '../navigation.js';
import type { LeadFormElement } from './lead-form.component.js';
import { renderView } from './lead-form-views.js';

/** The tabs, in order; the import opens inside the Submit tab. */
export type TabName = Exclude<ViewName, 'import'>;
const TABS: readonly TabName[] = [
  'submit',
  'leads',
  'customers',
  'commissions',
  'summary',
  'messages',
];

/** Arrow keys, Home and End move between tabs (and select them), as ARIA's tabs pattern says. */
function onTabKey(host: LeadFormElement, event: KeyboardEvent): void {
  const index = TABS.indexOf(host.tab);
  const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[
    event.key
  ];
  if (to === undefined) return;
  event.preventDefault();
  const next = TABS[(to + TABS.length) % TABS.length];
  if (next) host.select(next, false, `#tab-${next}`);
}

/** The tab list (the Messages tab with its unread count) and the panel of the chosen tab. */
export function renderTabs(host: LeadFormElement, program: PublicProgram): TemplateResult {
  const t = host.chunks.translator;
  const unread = host.unread;
  const label = (tab: TabName) => {
    if (tab !== 'messages' || unread === 0) return t(`shell.tab.${tab}`);
    return html`${t('shell.tab.messages')}
      <span class="count-badge" part="badge">${unread}</span>
      <span class="sr-only">(${t('shell.unread', { count: unread })})</span>`;
  };
  const current = host.tab;
  return html`<div role="tablist" part="tabs" aria-label=${t('shell.tabs')} @keydown=${(event: KeyboardEvent) => onTabKey(host, event)}>
      ${TABS.map(
        (tab) => html`<button
          type="button"
          role="tab"
          id="tab-${tab}"
          part=${tab === current ? 'tab tab-active' : 'tab'}
          aria-selected=${tab === current ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${tab === current ? '0' : '-1'}
          @click=${() => host.select(tab, false)}
        >
          ${label(tab)}
        </button>`,
      )}
    </div>
    <div role="tabpanel" id="panel" part="panel" tabindex="0" aria-labelledby="tab-${current}">
      ${renderView(host, current === 'submit' && host.importOpen ? 'import' : current, program)}
    </div>`;
}
