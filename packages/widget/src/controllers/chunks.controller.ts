import type { ReactiveController } from 'lit';
import type { renderLazyView } from '../components/lead-form/lazy-views.js';
import type { LeadFormElement } from '../components/lead-form/lead-form.component.js';
import type { ViewName } from '../components/navigation.js';
import {
  englishTranslate,
  hasMessages,
  loadMessages,
  type Translate,
  translatorFor,
} from '../i18n/i18n.js';

/** Chunks loaded on first use: the first load carries only the shell and the Submit view. */
const LAZY_VIEWS: Partial<Record<ViewName, () => Promise<unknown>>> = {
  import: () => import('../components/import-view/import-view.component.js'),
  leads: () => import('../components/leads-view/leads-view.component.js'),
  customers: () => import('../components/customers-view/customers-view.component.js'),
  commissions: () => import('../components/commissions-view/commissions-view.component.js'),
  summary: () => import('../components/program-view/program-view.component.js'),
  messages: () => import('../components/messages-view/messages-view.component.js'),
};

/**
 * What `<lead-form>` loads on demand — each view beyond Submit, the sign-in, and the strings
 * they need in the element's language — and the translator over what has arrived.
 */
export class ChunksController implements ReactiveController {
  translator: Translate = englishTranslate;
  views: ReadonlySet<ViewName> = new Set();
  /** A view whose chunk did not arrive (offline): its panel offers to try again. */
  failed: ViewName | null = null;
  signIn = false;
  /** Renders the lazily loaded views; it arrives with the first of them. */
  lazyViews: typeof renderLazyView | null = null;
  /**
   * The current language's strings loading (never rejects). What the element shows first waits
   * for it, so nothing appears in English on a page in another language.
   */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly host: LeadFormElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the strings of the element's language: the views' too once any view is in use. */
  loadLocale(): Promise<void> {
    this.ready = this.load();
    return this.ready;
  }

  private async load(): Promise<void> {
    const locale = this.host.resolvedLocale;
    const views = this.views.size > 0 || this.signIn;
    if (!hasMessages(locale, views)) {
      try {
        await loadMessages(locale, views);
      } catch {
        // Offline mid-session: English (always loaded) stands in.
      }
    }
    this.translate();
  }

  async loadView(view: ViewName): Promise<void> {
    const load = LAZY_VIEWS[view];
    if (!load || this.views.has(view)) return;
    try {
      const [, lazy] = await Promise.all([
        load(),
        import('../components/lead-form/lazy-views.js'),
        loadMessages(this.host.resolvedLocale, true),
      ]);
      this.lazyViews = lazy.renderLazyView;
      this.views = new Set([...this.views, view]);
      if (this.failed === view) this.failed = null;
      this.translate();
    } catch {
      this.failed = view;
      this.host.requestUpdate();
    }
  }

  /** Sign-in is a chunk of its own: pages that pass a session token never load it. */
  async loadSignIn(): Promise<boolean> {
    if (!this.signIn) {
      try {
        await Promise.all([
          import('../components/sign-in/sign-in.component.js'),
          loadMessages(this.host.resolvedLocale, true),
        ]);
      } catch {
        return false;
      }
      this.signIn = true;
      this.translate();
    }
    return true;
  }

  /** Views re-render when the translator they are given changes. */
  private translate(): void {
    this.translator = translatorFor(this.host.resolvedLocale);
    this.host.requestUpdate();
  }
}
