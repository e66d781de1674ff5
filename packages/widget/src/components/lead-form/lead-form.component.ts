import {
  isLocale,
  type LeadFormSchema,
  type Locale,
  resolveLocale,
  type StageLabels,
} from '@leadbridge/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { CallFailure } from '../../api/problems.js';
import { ChunksController } from '../../controllers/chunks.controller.js';
import { ProgramController } from '../../controllers/program.controller.js';
import { SessionController } from '../../controllers/session.controller.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import { isViewName, type Navigation, type ViewName } from '../navigation.js';
import '../submit-view/submit-view.component.js';
import { hasMessages } from '../../i18n/i18n.js';
import { leadFormStyles } from './lead-form.styles.js';
import { renderHeader } from './lead-form-header.js';
import { renderTabs, type TabName } from './lead-form-tabs.js';
import { renderView } from './lead-form-views.js';

/** Where the element is: loading the program, showing why it cannot, signing in, or in use. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; code: string; message: string; retry: boolean }
  | { kind: 'sign-in' }
  | { kind: 'ready' };

// The widget is served by the API, so by default it talks to the origin it was loaded from.
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * `<lead-form>`: a company's partner portal in one element. Partners submit leads (form or CSV
 * import), follow their leads, customers and commissions, read the offer and message the
 * company. Every view renders into this element's one shadow root, so `::part()` reaches all
 * of them; the views' own parts are documented on each view and listed here in the manifest.
 *
 * @summary A company's partner portal in one element: submit and import leads, follow them.
 * @tagname lead-form
 *
 * @event {CustomEvent<LeadFormReadyDetail>} lead-form:ready - `{ programName, signedIn, preview }`: the widget is interactive.
 * @event {CustomEvent<LeadFormSubmittedDetail>} lead-form:submitted - `{ leadId }`: a lead was submitted.
 * @event {CustomEvent<LeadFormImportedDetail>} lead-form:imported - `{ importId, rowsImported, rowsFailed, rowsDuplicate }`: an import finished.
 * @event {CustomEvent<LeadFormErrorDetail>} lead-form:error - `{ code, message }`: the API's problem code (`duplicate_lead`, `origin_not_allowed`, …) or `session_expired`, `network_error`, `import_failed`.
 *
 * @cssprop [--lead-form-accent=#4338ca] - Primary buttons, links, the active tab, focus rings.
 * @cssprop [--lead-form-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--lead-form-radius=8px] - Corner radius of inputs, buttons and boxes.
 * @cssprop [--lead-form-font=inherit] - Font family (the host page's by default).
 * @cssprop [--lead-form-font-size=1rem] - Base font size.
 * @cssprop [--lead-form-text=inherit] - Text colour (the host page's by default).
 * @cssprop [--lead-form-muted=#4b5563] - Secondary text: hints, dates, counts.
 * @cssprop [--lead-form-background=transparent] - Background of the element.
 * @cssprop [--lead-form-surface=#ffffff] - Background of inputs, menus and tables.
 * @cssprop [--lead-form-input-text=#111827] - Text in inputs.
 * @cssprop [--lead-form-border=#8a94a6] - Borders of inputs and buttons.
 * @cssprop [--lead-form-divider=#e2e5ec] - Lines between rows and sections.
 * @cssprop [--lead-form-danger=#b91c1c] - Errors.
 * @cssprop [--lead-form-danger-surface=#fef2f2] - Background of error messages and bad cells.
 * @cssprop [--lead-form-success=#15803d] - Success.
 * @cssprop [--lead-form-success-surface=#f0fdf4] - Background of success messages.
 * @cssprop [--lead-form-highlight=color-mix(in srgb, var(--lead-form-accent) 9%, #fff)] - Hovered and selected rows, drop zone.
 * @cssprop [--lead-form-space=1rem] - Spacing unit.
 * @cssprop [--lead-form-focus-ring=var(--lead-form-accent)] - Focus outline colour.
 * @cssprop [--lead-form-max-width=100%] - Widest the element grows.
 *
 * @csspart base - The element's wrapper.
 * @csspart header - The program's name and the signed-in partner.
 * @csspart title - The program's name.
 * @csspart preview-badge - "Preview" in place of the name (preview mode).
 * @csspart account - Who is signed in, and "Sign out".
 * @csspart sign-out - The "Sign out" button.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-active - The selected tab.
 * @csspart badge - The unread count on the Messages tab.
 * @csspart panel - The panel that shows the current view.
 * @csspart loading - "Loading…" while something loads.
 * @csspart alert - An error message.
 * @csspart button - Every button.
 */
export class LeadFormElement extends LitElement {
  static override styles = leadFormStyles;
  static override properties = {
    publishableKey: { attribute: 'publishable-key' },
    sessionToken: { attribute: 'session-token' },
    apiBase: { attribute: 'api-base' },
    view: {},
    locale: {},
    preview: { type: Boolean, reflect: true },
    programName: { attribute: 'program-name' },
    schema: { attribute: false },
    stageLabels: { attribute: false },
    phase: { state: true },
    tab: { state: true },
    importHistory: { state: true },
    importOpen: { state: true },
    messageAbout: { state: true },
    unread: { state: true },
  };

  /** The program's publishable key (`pk_…`); required unless `preview`. */
  declare publishableKey: string | null;
  /**
   * A partner session minted by the company's server (`partnerSessions.create`). Set it again
   * to refresh it; a token for another partner starts afresh. Without one, partners sign in
   * inside the widget with a 6-digit code emailed to them (kept in sessionStorage, per
   * publishable key; "Sign out" clears it).
   */
  declare sessionToken: string | null;
  /** The API's origin; defaults to the origin the script was loaded from. */
  declare apiBase: string | null;
  /**
   * `submit`, `import`, `leads`, `customers`, `commissions`, `summary` or `messages` shows that
   * view alone; without it, tabs.
   */
  declare view: string | null;
  /**
   * `en`, `de`, `fr`, `es`, `pt-BR`, `it` or `nl`; defaults to the page's `lang` (the nearest
   * `lang` attribute), then the browser's languages (`pt` and `pt-PT` speak `pt-BR`), then English.
   */
  declare locale: string | null;
  /**
   * The admin app's live preview: the Submit view (or `view="import"`) from `schema`, with no
   * network call; submitting says "Preview — nothing was sent".
   */
  declare preview: boolean;
  /** Preview mode: the program's name, shown as the title as partners will see it. */
  declare programName: string | null;
  /** Preview mode: the form to show (the admin's form builder sets it as it changes). */
  declare schema: LeadFormSchema | null;
  /** Preview mode: stage labels (partial; missing stages keep their default names). */
  declare stageLabels: StageLabels | null;

  /** @internal */
  declare phase: Phase;
  /** @internal */
  declare tab: TabName;
  /** @internal The import opens on its history (from a "⋮" menu's "Import history"). */
  declare importHistory: boolean;
  /** @internal The Submit tab shows the import (opened from its "⋮" menu) instead of the form. */
  declare importOpen: boolean;
  /** @internal A conversation to start about a lead (from the lead's "Message the company"). */
  declare messageAbout: { leadId: string; leadName: string } | null;
  /** @internal Unread messages, on the Messages tab. */
  declare unread: number;

  /** @internal */
  readonly chunks = new ChunksController(this);
  /** @internal */
  readonly programs = new ProgramController(this);
  /** @internal */
  readonly session = new SessionController(this);
  private readySent = false;

  constructor() {
    super();
    this.publishableKey = null;
    this.sessionToken = null;
    this.apiBase = null;
    this.view = null;
    this.locale = null;
    this.preview = false;
    this.programName = null;
    this.schema = null;
    this.stageLabels = null;
    this.phase = { kind: 'loading' };
    this.tab = 'submit';
    this.importHistory = false;
    this.importOpen = false;
    this.messageAbout = null;
    this.unread = 0;
  }

  /** The locale in use: the `locale` attribute, else the page's language, else English. */
  get resolvedLocale(): Locale {
    if (isLocale(this.locale)) return this.locale;
    const page = this.closest('[lang]')?.getAttribute('lang');
    return resolveLocale(this.locale ?? page ?? navigator.languages);
  }

  /** @internal The view shown alone (`view="…"`), if any. */
  get singleView(): ViewName | null {
    return isViewName(this.view) ? this.view : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) {
      // Stage labels and the offer come localised from the API.
      void this.chunks.loadLocale().then(() => {
        if (this.phase.kind === 'ready' || this.phase.kind === 'sign-in') void this.loadProgram();
      });
    }
    if (changed.has('publishableKey') || changed.has('apiBase') || changed.has('preview')) {
      void this.start();
      return;
    }
    if (changed.has('sessionToken') && !this.preview) this.session.adopt();
    if (changed.has('view') && this.singleView) void this.chunks.loadView(this.singleView);
  }

  /** @internal */
  baseUrl(): string {
    return (this.apiBase || SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  /** (Re)starts from the program: on connect, and when the key, API or mode changes. */
  private async start(): Promise<void> {
    this.readySent = false;
    if (this.preview) {
      await this.chunks.ready;
      this.session.api = null;
      this.phase = { kind: 'ready' };
      this.announceReady();
      return;
    }
    if (!this.publishableKey) {
      await this.chunks.ready;
      this.fail('missing_publishable_key', this.chunks.translator('shell.error.missingKey'), false);
      return;
    }
    await this.loadProgram();
  }

  /** @internal Loads the program, then the partner's session unless one is in use. */
  async loadProgram(): Promise<void> {
    const key = this.publishableKey;
    if (key && (await this.programs.load())) await this.session.begin(key);
  }

  /** @internal */
  fail(code: string, message: string, retry: boolean): void {
    this.phase = { kind: 'error', code, message, retry };
    emitLeadFormEvent(this, 'lead-form:error', { code, message });
    this.announceReady();
  }

  /** @internal A failed call: no answer (offline), or the API's own words. */
  failWith(failure: CallFailure): void {
    const t = this.chunks.translator;
    this.fail(
      failure.code,
      failure.status === 0 ? t('shell.error.network') : failure.detail || t('shell.error.generic'),
      true,
    );
  }

  /** @internal */
  announceReady(): void {
    if (this.readySent) return;
    this.readySent = true;
    const phase = this.phase.kind;
    // After this render, so listeners find the element's content in place.
    void this.updateComplete.then(() =>
      emitLeadFormEvent(this, 'lead-form:ready', {
        programName: this.programs.program?.name ?? null,
        signedIn: phase === 'ready' && !this.preview,
        preview: this.preview,
      }),
    );
  }

  /** @internal */
  async refreshUnread(): Promise<void> {
    const api = this.session.api;
    if (!api || this.singleView) return;
    try {
      const { unreadMessages } = await import('../../api/unread-messages.js');
      this.unread = await unreadMessages(api);
    } catch {
      // A badge is not worth an error message; the Messages tab shows its own.
    }
  }

  /** @internal Where a view sends the partner next (a tab, the import, a conversation). */
  navigate = (to: Navigation) => {
    if (to.view === 'messages') {
      this.messageAbout = to.leadId ? { leadId: to.leadId, leadName: to.leadName ?? '' } : null;
    }
    if (this.singleView) return;
    const importing = to.view === 'import';
    if (importing) this.importHistory = to.history === true;
    this.select(importing ? 'submit' : (to.view as TabName), importing, '[role="tabpanel"]');
  };

  /** @internal Shows a tab (or the import, in the Submit tab), then focuses `focus`, if given. */
  select(tab: TabName, importing: boolean, focus?: string): void {
    this.tab = tab;
    this.importOpen = importing;
    void this.chunks.loadView(importing ? 'import' : tab);
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(focus)?.focus(),
      );
    }
  }

  protected override render(): TemplateResult {
    const t = this.chunks.translator;
    const phase = this.phase;
    const program = this.preview ? this.programs.preview() : this.programs.program;
    let content: TemplateResult;
    if (phase.kind === 'loading') {
      // Blank until the page's language has arrived: no word in another language meanwhile.
      const words = hasMessages(this.resolvedLocale, false) ? t('shell.loading') : '';
      content = html`<p class="muted" part="loading" role="status">${words}</p>`;
    } else if (phase.kind === 'error') {
      content = html`${renderHeader(this, this.programs.program)}
        <div class="alert" part="alert" role="alert">
          <p>${phase.message}</p>
          ${
            phase.retry
              ? html`<p><button type="button" part="button" @click=${() => void this.start()}>${t('shell.retry')}</button></p>`
              : nothing
          }
        </div>`;
    } else if (!program) {
      return html``;
    } else if (phase.kind === 'sign-in') {
      content = html`${renderHeader(this, program)}
        <lead-form-sign-in
          .api=${this.programs.api}
          .publishableKey=${this.publishableKey ?? ''}
          .programName=${program.name}
          .program=${program}
          .t=${t}
          .locale=${this.resolvedLocale}
          .onSignedIn=${this.session.signedIn}
        ></lead-form-sign-in>`;
    } else {
      const single = this.preview
        ? this.singleView === 'import'
          ? 'import'
          : 'submit'
        : this.singleView;
      content = html`${renderHeader(this, program)}
        ${single ? html`<div part="panel">${renderView(this, single, program)}</div>` : renderTabs(this, program)}`;
    }
    return html`<div class="base" part="base" aria-busy=${phase.kind === 'loading' || nothing}>${content}</div>`;
  }
}
