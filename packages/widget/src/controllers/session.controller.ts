import type { ReactiveController } from 'lit';
import type { WidgetApi } from '../api/api.js';
import { createApi } from '../api/create-api.js';
import { failureOf } from '../api/problems.js';
import type { PartnerMe, PartnerSession } from '../api/types.js';
import type { LeadFormElement } from '../components/lead-form/lead-form.component.js';
import { emitLeadFormEvent } from '../events/lead-form-events.js';
import { clearStoredSession, readStoredSession, storeSession } from '../session/session-store.js';

/**
 * The partner using `<lead-form>`: a session token from the host page (`session-token`), or one
 * from the in-widget sign-in kept in sessionStorage; who it belongs to; its expiry and sign-out.
 */
export class SessionController implements ReactiveController {
  /** Calls as the signed-in partner. */
  api: WidgetApi | null = null;
  me: PartnerMe | null = null;
  /** Where the session came from: the host's attribute, or the in-widget sign-in. */
  source: 'attribute' | 'sign-in' | null = null;
  private token: string | null = null;

  constructor(private readonly host: LeadFormElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Once the program is in: the host's token, else a stored sign-in, else the sign-in form. */
  async begin(key: string): Promise<void> {
    if (this.host.phase.kind === 'ready' && this.api) return;
    const hostToken = this.host.sessionToken?.trim() || null;
    const token = hostToken ?? readStoredSession(key);
    if (!token) return this.showSignIn();
    this.source = hostToken ? 'attribute' : 'sign-in';
    await this.enter(token);
  }

  private connect(token: string): WidgetApi {
    this.token = token;
    return createApi({ baseUrl: this.host.baseUrl(), sessionToken: token });
  }

  /** Checks a token by asking who it belongs to, then shows the portal. */
  private async enter(token: string): Promise<void> {
    const host = this.host;
    const api = this.connect(token);
    // Views are rendered afresh for the new partner: none keeps the previous one's data.
    host.phase = { kind: 'loading' };
    try {
      const me = await api.me();
      if (this.token !== token) return;
      this.api = api;
      this.me = me;
      host.phase = { kind: 'ready' };
      host.announceReady();
      void host.chunks.loadView(host.singleView ?? host.tab);
      void host.refreshUnread();
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401 || failure.status === 403) this.expired();
      else host.failWith(failure);
    }
  }

  /** The host page set `session-token`. */
  adopt(): void {
    const host = this.host;
    const token = host.sessionToken?.trim() || null;
    if (!token || token === this.token || !host.programs.program) return;
    if (host.phase.kind === 'ready' && this.source === 'attribute' && this.api) {
      // A refreshed token for the same partner is swapped in without disturbing the views; a
      // token for another partner starts afresh.
      const api = this.connect(token);
      this.api = api;
      host.requestUpdate();
      api.me().then(
        (me) => {
          if (this.token !== token) return;
          if (me.partner.id !== this.me?.partner.id) return void this.enter(token);
          this.me = me;
          host.requestUpdate();
        },
        () => this.expired(),
      );
      return;
    }
    this.source = 'attribute';
    void this.enter(token);
  }

  async showSignIn(): Promise<void> {
    const host = this.host;
    this.api = null;
    this.me = null;
    this.token = null;
    this.source = null;
    if (!(await host.chunks.loadSignIn()))
      host.fail('network_error', host.chunks.translator('shell.viewLoadFailed'), true);
    if (host.phase.kind === 'error') return;
    host.phase = { kind: 'sign-in' };
    host.announceReady();
  }

  signedIn = (session: PartnerSession) => {
    const key = this.host.publishableKey;
    if (!key) return;
    storeSession(key, { token: session.token, expiresAt: session.expiresAt });
    this.source = 'sign-in';
    void this.enter(session.token);
  };

  /** Forgets the stored sign-in and shows the sign-in form. */
  signOut(): Promise<void> {
    if (this.host.publishableKey) clearStoredSession(this.host.publishableKey);
    return this.showSignIn();
  }

  /** The API no longer accepts the session: sign in again, or say so when the host owns it. */
  expired = () => {
    const host = this.host;
    const message = host.chunks.translator('shell.error.sessionExpired');
    if (this.source === 'attribute') return host.fail('session_expired', message, false);
    if (host.publishableKey) clearStoredSession(host.publishableKey);
    emitLeadFormEvent(host, 'lead-form:error', { code: 'session_expired', message });
    void this.showSignIn();
  };
}
