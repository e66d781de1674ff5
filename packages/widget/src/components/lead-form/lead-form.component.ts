import {
  DEFAULT_LEAD_FORM_SCHEMA,
  isLocale,
  type LeadFormSchema,
  type LeadStage,
  type Locale,
  resolveLocale,
  type StageLabels,
} from '@leadbridge/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { WidgetApi } from '../../api/api.js';
import { createApi } from '../../api/create-api.js';
import { failureOf } from '../../api/problems.js';
import type { PartnerMe, PartnerSession, PublicProgram } from '../../api/types.js';
import { emitLeadFormEvent } from '../../events/lead-form-events.js';
import {
  englishTranslate,
  hasMessages,
  loadMessages,
  type Translate,
  translatorFor,
} from '../../i18n/i18n.js';
import {
  clearStoredSession,
  readStoredSession,
  storeSession,
} from '../../session/session-store.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { isViewName, type Navigation, type ViewContext, type ViewName } from '../navigation.js';
import '../submit-view/submit-view.component.js';
import { submitViewStyles } from '../submit-view/submit-view.styles.js';
import { leadFormStyles } from './lead-form.styles.js';

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; code: string; message: string; retry: boolean }
  | { kind: 'sign-in' }
  | { kind: 'ready' };

type TabName = Exclude<ViewName, 'import'>;
const TABS: readonly TabName[] = [
  'submit',
  'leads',
  'customers',
  'commissions',
  'summary',
  'messages',
];

/** Chunks loaded on first use: the first load carries only the shell, sign-in and submit. */
const LAZY_VIEWS: Partial<Record<ViewName, () => Promise<unknown>>> = {
  import: () => import('../import-view/import-view.component.js'),
  leads: () => import('../leads-view/leads-view.component.js'),
  customers: () => import('../customers-view/customers-view.component.js'),
  commissions: () => import('../commissions-view/commissions-view.component.js'),
  summary: () => import('../program-view/program-view.component.js'),
  messages: () => import('../messages-view/messages-view.component.js'),
};

/**
 * How often an open widget on a visible page asks whether the program's settings changed. The
 * answer is revalidated with its ETag (304 when nothing changed), so a change a company saves
 * reaches open widgets within seconds (docs/adr/0008).
 */
const REFRESH_MS = 3000;

// The widget is served by the API, so by default it talks to the origin it was loaded from.
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * `<lead-form>`: a company's partner portal in one element. Partners submit leads (form or CSV
 * import), follow their leads, customers and commissions, read the offer and message the
 * company. See the package README for attributes, events, parts and custom properties.
 */
export class LeadFormElement extends LitElement {
  static override styles = [tokenStyles, baseStyles, leadFormStyles, submitViewStyles];
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
    program: { state: true },
    me: { state: true },
    tab: { state: true },
    importHistory: { state: true },
    importOpen: { state: true },
    messageAbout: { state: true },
    loadedViews: { state: true },
    signInLoaded: { state: true },
    failedView: { state: true },
    translator: { state: true },
    unread: { state: true },
  };

  declare publishableKey: string | null;
  /** A partner session minted by the company's server; set it again to refresh it. */
  declare sessionToken: string | null;
  declare apiBase: string | null;
  declare view: string | null;
  declare locale: string | null;
  declare preview: boolean;
  /** Preview mode: the program's name, shown as the title as partners will see it. */
  declare programName: string | null;
  /** Preview mode: the form to show (the admin's form builder sets it as it changes). */
  declare schema: LeadFormSchema | null;
  /** Preview mode: stage labels (partial; missing stages keep their default names). */
  declare stageLabels: StageLabels | null;

  declare protected phase: Phase;
  declare protected program: PublicProgram | null;
  declare protected me: PartnerMe | null;
  declare protected tab: TabName;
  declare protected importHistory: boolean;
  /** The Submit tab shows the import (opened from its "⋮" menu) instead of the form. */
  declare protected importOpen: boolean;
  declare protected messageAbout: { leadId: string; leadName: string } | null;
  declare protected loadedViews: ReadonlySet<ViewName>;
  declare protected signInLoaded: boolean;
  declare protected failedView: ViewName | null;
  declare protected translator: Translate;
  declare protected unread: number;

  private api: WidgetApi | null = null;
  /** Unauthenticated calls (program config, sign-in). */
  private publicApi: WidgetApi | null = null;
  /** Where the current session came from: the host's attribute, or the in-widget sign-in. */
  private sessionSource: 'attribute' | 'sign-in' | null = null;
  private activeToken: string | null = null;
  private readySent = false;
  private loadSequence = 0;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private refreshing = false;
  /** The current language's strings loading; what is shown first waits for it (no flash of English). */
  private localeLoad: Promise<void> = Promise.resolve();

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
    this.program = null;
    this.me = null;
    this.tab = 'submit';
    this.importHistory = false;
    this.importOpen = false;
    this.messageAbout = null;
    this.loadedViews = new Set();
    this.signInLoaded = false;
    this.failedView = null;
    this.translator = englishTranslate;
    this.unread = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.refreshTimer = setInterval(this.refreshIfVisible, REFRESH_MS);
    document.addEventListener('visibilitychange', this.refreshIfVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
    document.removeEventListener('visibilitychange', this.refreshIfVisible);
  }

  /** On an interval and on return to the page: only while the page is seen. */
  private refreshIfVisible = () => {
    if (document.visibilityState === 'visible') void this.refreshProgram();
  };

  /** Fetches the program's settings again and applies them if they changed. */
  private async refreshProgram(): Promise<void> {
    const key = this.publishableKey;
    const api = this.publicApi;
    const kind = this.phase.kind;
    if (!key || !api || this.preview || this.refreshing || kind === 'loading' || kind === 'error')
      return;
    const sequence = this.loadSequence;
    this.refreshing = true;
    try {
      const program = await api.publicProgram(key, this.resolvedLocale);
      if (
        sequence === this.loadSequence &&
        JSON.stringify(program) !== JSON.stringify(this.program)
      )
        this.program = program;
    } catch (error) {
      // Archived, or no longer allowed on this site: show why now. A network hiccup keeps what
      // is on screen until the next try.
      const status = failureOf(error).status;
      if (sequence === this.loadSequence && (status === 404 || status === 403))
        await this.loadProgram();
    } finally {
      this.refreshing = false;
    }
  }

  /** The locale in use: the `locale` attribute, else the page's language, else English. */
  get resolvedLocale(): Locale {
    if (isLocale(this.locale)) return this.locale;
    const page = this.closest('[lang]')?.getAttribute('lang');
    return resolveLocale(this.locale ?? page ?? navigator.languages);
  }

  private get singleView(): ViewName | null {
    return isViewName(this.view) ? this.view : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) this.localeLoad = this.loadLocale();
    const identity =
      changed.has('publishableKey') || changed.has('apiBase') || changed.has('preview');
    if (identity) {
      void this.start();
      return;
    }
    if (changed.has('sessionToken') && !this.preview) this.adoptHostToken();
    if (changed.has('view') && this.singleView) void this.ensureView(this.singleView);
  }

  /** Whether any view beyond Submit is in use (and so needs the views' strings). */
  private get usesViews(): boolean {
    return this.loadedViews.size > 0 || this.signInLoaded;
  }

  private async loadLocale(): Promise<void> {
    const locale = this.resolvedLocale;
    if (!hasMessages(locale, this.usesViews)) {
      try {
        await loadMessages(locale, this.usesViews);
      } catch {
        // Offline mid-session: English (always loaded) stands in.
      }
    }
    this.translator = translatorFor(locale);
    // Stage labels and the offer come localised from the API.
    if (this.phase.kind === 'ready' || this.phase.kind === 'sign-in') void this.loadProgram();
  }

  private baseUrl(): string {
    return (this.apiBase || SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  private makeApi(token: string | null): WidgetApi {
    this.activeToken = token;
    return createApi({ baseUrl: this.baseUrl(), sessionToken: token });
  }

  /** (Re)starts from the program: on connect, and when the key, API or mode changes. */
  private async start(): Promise<void> {
    this.readySent = false;
    if (this.preview) {
      await this.localeLoad;
      this.api = null;
      this.phase = { kind: 'ready' };
      this.announceReady();
      return;
    }
    if (!this.publishableKey) {
      await this.localeLoad;
      this.fail('missing_publishable_key', this.translator('shell.error.missingKey'), false);
      return;
    }
    await this.loadProgram();
  }

  private async loadProgram(): Promise<void> {
    const key = this.publishableKey;
    if (!key) return;
    const sequence = ++this.loadSequence;
    if (!this.program) this.phase = { kind: 'loading' };
    this.publicApi = createApi({ baseUrl: this.baseUrl() });
    try {
      const program = await this.publicApi.publicProgram(key, this.resolvedLocale);
      // The program and the language's strings load side by side; neither shows without the other.
      await this.localeLoad;
      if (sequence !== this.loadSequence) return;
      this.program = program;
    } catch (error) {
      await this.localeLoad;
      if (sequence !== this.loadSequence) return;
      const failure = failureOf(error);
      const t = this.translator;
      if (failure.status === 404) this.fail(failure.code, t('shell.error.notFound'), false);
      else if (failure.code === 'origin_not_allowed')
        this.fail(failure.code, t('shell.error.origin'), false);
      else if (failure.status === 0) this.fail(failure.code, t('shell.error.network'), true);
      else this.fail(failure.code, failure.detail || t('shell.error.generic'), true);
      return;
    }
    if (this.phase.kind === 'ready' && this.api) return;
    const hostToken = this.sessionToken?.trim() || null;
    const stored = hostToken ? null : readStoredSession(key);
    const token = hostToken ?? stored;
    if (!token) {
      await this.showSignIn();
      return;
    }
    this.sessionSource = hostToken ? 'attribute' : 'sign-in';
    await this.enter(token);
  }

  /** Checks a token by asking who it belongs to, then shows the portal. */
  private async enter(token: string): Promise<void> {
    const api = this.makeApi(token);
    // Views are rendered afresh for the new partner: none keeps the previous one's data.
    this.phase = { kind: 'loading' };
    try {
      const me = await api.me();
      if (this.activeToken !== token) return;
      this.api = api;
      this.me = me;
      this.phase = { kind: 'ready' };
      this.announceReady();
      const first = this.singleView ?? this.tab;
      void this.ensureView(first);
      void this.refreshUnread();
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401 || failure.status === 403) this.sessionExpired();
      else if (failure.status === 0)
        this.fail(failure.code, this.translator('shell.error.network'), true);
      else this.fail(failure.code, failure.detail || this.translator('shell.error.generic'), true);
    }
  }

  private adoptHostToken(): void {
    const token = this.sessionToken?.trim() || null;
    if (!token || token === this.activeToken || !this.program) return;
    if (this.phase.kind === 'ready' && this.sessionSource === 'attribute' && this.api) {
      // A refreshed token for the same partner is swapped in without disturbing the views; a
      // token for another partner starts afresh.
      const api = this.makeApi(token);
      this.api = api;
      this.requestUpdate();
      api.me().then(
        (me) => {
          if (this.activeToken !== token) return;
          if (me.partner.id === this.me?.partner.id) this.me = me;
          else void this.enter(token);
        },
        () => this.sessionExpired(),
      );
      return;
    }
    this.sessionSource = 'attribute';
    void this.enter(token);
  }

  private async showSignIn(): Promise<void> {
    this.api = null;
    this.me = null;
    this.activeToken = null;
    this.sessionSource = null;
    await this.loadSignIn();
    if (this.phase.kind === 'error') return;
    this.phase = { kind: 'sign-in' };
    this.announceReady();
  }

  /** Sign-in is a chunk of its own: pages that pass a session token never load it. */
  private async loadSignIn(): Promise<void> {
    if (this.signInLoaded) return;
    const locale = this.resolvedLocale;
    try {
      await Promise.all([import('../sign-in/sign-in.component.js'), loadMessages(locale, true)]);
      this.signInLoaded = true;
      this.translator = translatorFor(locale);
    } catch {
      this.fail('network_error', this.translator('shell.viewLoadFailed'), true);
    }
  }

  private fail(code: string, message: string, retry: boolean): void {
    this.phase = { kind: 'error', code, message, retry };
    emitLeadFormEvent(this, 'lead-form:error', { code, message });
    this.announceReady();
  }

  private announceReady(): void {
    if (this.readySent) return;
    this.readySent = true;
    const phase = this.phase.kind;
    // After this render, so listeners find the element's content in place.
    void this.updateComplete.then(() =>
      emitLeadFormEvent(this, 'lead-form:ready', {
        programName: this.program?.name ?? null,
        signedIn: phase === 'ready' && !this.preview,
        preview: this.preview,
      }),
    );
  }

  private onSignedIn = (session: PartnerSession) => {
    const key = this.publishableKey;
    if (!key) return;
    storeSession(key, { token: session.token, expiresAt: session.expiresAt });
    this.sessionSource = 'sign-in';
    void this.enter(session.token);
  };

  private signOut = () => {
    if (this.publishableKey) clearStoredSession(this.publishableKey);
    this.tab = 'submit';
    this.importOpen = false;
    this.unread = 0;
    void this.showSignIn().then(async () => {
      await this.updateComplete;
      await this.renderRoot.querySelector('lead-form-sign-in')?.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sign-in-email')?.focus();
    });
  };

  private sessionExpired = () => {
    if (this.sessionSource === 'attribute') {
      this.fail('session_expired', this.translator('shell.error.sessionExpired'), false);
      return;
    }
    if (this.publishableKey) clearStoredSession(this.publishableKey);
    emitLeadFormEvent(this, 'lead-form:error', {
      code: 'session_expired',
      message: this.translator('shell.error.sessionExpired'),
    });
    void this.showSignIn();
  };

  private async ensureView(view: ViewName): Promise<void> {
    const load = LAZY_VIEWS[view];
    if (!load || this.loadedViews.has(view)) return;
    const locale = this.resolvedLocale;
    try {
      await Promise.all([load(), loadMessages(locale, true)]);
      this.translator = translatorFor(locale);
      this.loadedViews = new Set([...this.loadedViews, view]);
      if (this.failedView === view) this.failedView = null;
    } catch {
      this.failedView = view;
    }
  }

  private async refreshUnread(): Promise<void> {
    if (!this.api || this.singleView) return;
    try {
      const { unreadMessages } = await import('../../api/unread-messages.js');
      this.unread = await unreadMessages(this.api);
    } catch {
      // A badge is not worth an error message; the Messages tab shows its own.
    }
  }

  private navigate = (to: Navigation) => {
    if (to.view === 'messages') {
      this.messageAbout = to.leadId ? { leadId: to.leadId, leadName: to.leadName ?? '' } : null;
    }
    if (this.singleView) return;
    if (to.view === 'import') {
      this.importHistory = to.history === true;
      this.tab = 'submit';
      this.importOpen = true;
      void this.ensureView('import');
    } else {
      this.importOpen = false;
      this.tab = to.view;
      void this.ensureView(to.view);
    }
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[role="tabpanel"]')?.focus(),
    );
  };

  private selectTab(tab: TabName, focus: boolean): void {
    this.tab = tab;
    this.importOpen = false;
    void this.ensureView(tab);
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
      );
    }
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab);
    const go = (to: number) => {
      event.preventDefault();
      const next = TABS[(to + TABS.length) % TABS.length];
      if (next) this.selectTab(next, true);
    };
    if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(TABS.length - 1);
  }

  private context(program: PublicProgram): ViewContext {
    return {
      api: this.api,
      program,
      stageLabels: program.stageLabels,
      t: this.translator,
      locale: this.resolvedLocale,
      navigate: this.navigate,
      sessionExpired: this.sessionExpired,
      standalone: !!this.singleView,
    };
  }

  private previewProgram(): PublicProgram {
    return {
      id: 'preview',
      name: this.programName ?? '',
      formSchema: this.schema ?? DEFAULT_LEAD_FORM_SCHEMA,
      // Only the lazily loaded views show stage labels; they fill in the defaults themselves.
      stageLabels: { ...this.stageLabels } as Record<LeadStage, string>,
      leadSubmissionEnabled: true,
      leadImportEnabled: true,
      locale: this.resolvedLocale,
    };
  }

  private renderView(view: ViewName, program: PublicProgram): TemplateResult {
    const t = this.translator;
    if (view === 'submit') {
      return html`<lead-form-submit
        .schema=${program.formSchema}
        .api=${this.api}
        .t=${t}
        .locale=${this.resolvedLocale}
        .preview=${this.preview}
        .programName=${this.preview ? null : program.name}
        .importEnabled=${!this.preview && !this.singleView && program.leadImportEnabled}
        .submissionEnabled=${program.leadSubmissionEnabled}
        .showLeadsLink=${!this.singleView && !this.preview}
        .onNavigate=${(to: 'import' | 'history' | 'leads') =>
          this.navigate(
            to === 'leads' ? { view: 'leads' } : { view: 'import', history: to === 'history' },
          )}
        .onSessionExpired=${this.sessionExpired}
        .onRefused=${this.refreshIfVisible}
      ></lead-form-submit>`;
    }
    if (this.failedView === view) {
      return html`<div class="alert" part="alert" role="alert">
        <p>${t('shell.viewLoadFailed')}</p>
        <button type="button" part="button" @click=${() => void this.ensureView(view)}>${t('shell.retry')}</button>
      </div>`;
    }
    if (!this.loadedViews.has(view)) {
      void this.ensureView(view);
      return html`<p class="muted" part="loading" role="status">${t('shell.loading')}</p>`;
    }
    const context = this.context(program);
    switch (view) {
      case 'import':
        return html`<lead-form-import
          .context=${context}
          .preview=${this.preview}
          .startWithHistory=${this.importHistory}
          .showBack=${!this.singleView}
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
          .about=${this.messageAbout}
          .onUnreadChange=${(count: number) => (this.unread = count)}
        ></lead-form-messages>`;
    }
  }

  private renderTabs(program: PublicProgram): TemplateResult {
    const t = this.translator;
    const label = (tab: TabName) => {
      if (tab !== 'messages' || this.unread === 0) return t(`shell.tab.${tab}`);
      return html`${t('shell.tab.messages')}
        <span class="count-badge" part="badge">${this.unread}</span>
        <span class="sr-only">(${t('shell.unread', { count: this.unread })})</span>`;
    };
    const panelView: ViewName = this.tab === 'submit' && this.importOpen ? 'import' : this.tab;
    return html`<div role="tablist" part="tabs" aria-label=${t('shell.tabs')} @keydown=${this.onTabKey}>
        ${TABS.map(
          (tab) => html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            part=${tab === this.tab ? 'tab tab-active' : 'tab'}
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === this.tab ? '0' : '-1'}
            @click=${() => this.selectTab(tab, false)}
          >
            ${label(tab)}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" part="panel" tabindex="0" aria-labelledby="tab-${this.tab}">
        ${this.renderView(panelView, program)}
      </div>`;
  }

  private renderHeader(program: PublicProgram | null): TemplateResult {
    const t = this.translator;
    return html`<header class="header" part="header">
      ${program?.name ? html`<h2 part="title">${program.name}</h2>` : nothing}
      ${this.preview ? html`<h2 class="preview-badge" part="title preview-badge">${t('shell.preview')}</h2>` : nothing}
      ${
        this.me
          ? html`<div class="account" part="account">
              <span>${t('shell.signedInAs', { name: this.me.partner.name })}</span>
              ${
                this.sessionSource === 'sign-in'
                  ? html`<button type="button" class="link" part="button button-link sign-out" @click=${this.signOut}>
                      ${t('shell.signOut')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </header>`;
  }

  protected override render(): TemplateResult {
    const t = this.translator;
    const phase = this.phase;
    if (phase.kind === 'loading') {
      return html`<div class="base" part="base" aria-busy="true">
        <p class="muted" part="loading" role="status">${hasMessages(this.resolvedLocale, false) ? t('shell.loading') : nothing}</p>
      </div>`;
    }
    if (phase.kind === 'error') {
      return html`<div class="base" part="base">
        ${this.renderHeader(this.program)}
        <div class="alert" part="alert" role="alert">
          <p>${phase.message}</p>
          ${
            phase.retry
              ? html`<p><button type="button" part="button" @click=${() => void this.start()}>${t('shell.retry')}</button></p>`
              : nothing
          }
        </div>
      </div>`;
    }
    const program = this.preview ? this.previewProgram() : this.program;
    if (!program) return html``;
    if (phase.kind === 'sign-in') {
      return html`<div class="base" part="base">
        ${this.renderHeader(program)}
        <lead-form-sign-in
          .api=${this.publicApi}
          .publishableKey=${this.publishableKey ?? ''}
          .programName=${program.name}
          .t=${t}
          .locale=${this.resolvedLocale}
          .onSignedIn=${this.onSignedIn}
        ></lead-form-sign-in>
      </div>`;
    }
    const single = this.preview
      ? this.singleView === 'import'
        ? 'import'
        : 'submit'
      : this.singleView;
    return html`<div class="base" part="base">
      ${this.renderHeader(program)}
      ${
        single
          ? html`<div part="panel">${this.renderView(single, program)}</div>`
          : this.renderTabs(program)
      }
    </div>`;
  }
}
