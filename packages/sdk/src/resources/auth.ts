import type { RequestOptions } from '../core/options.js';
import type { AuthSession, BodyOf, InvitationPreview } from '../types.js';
import { Resource } from './resource.js';

/** Company users' sign-up, sign-in and session (cookie sessions, for the admin app). */
export class Auth extends Resource {
  private remember(session: AuthSession): AuthSession {
    this.core.csrfToken = session.csrfToken;
    return session;
  }

  /** Creates a company and its owner, and signs the owner in (sets the session cookie). */
  async signUp(body: BodyOf<'signUp'>, options?: RequestOptions): Promise<AuthSession> {
    const init = this.core.init('POST', options);
    return this.remember(
      await this.core.run(this.core.http.POST('/v1/auth/sign-up', { body, ...init })),
    );
  }

  /** Email + password → a session cookie; the CSRF token is remembered for later writes. */
  async signIn(body: BodyOf<'signIn'>, options?: RequestOptions): Promise<AuthSession> {
    const init = this.core.init('POST', options);
    return this.remember(
      await this.core.run(this.core.http.POST('/v1/auth/sign-in', { body, ...init })),
    );
  }

  /** Ends the current session everywhere and forgets its CSRF token. */
  async signOut(options?: RequestOptions): Promise<void> {
    await this.core.run(this.core.http.POST('/v1/auth/sign-out', this.core.init('POST', options)));
    this.core.csrfToken = undefined;
  }

  /** The signed-in user, company and role (and a fresh CSRF token, remembered). */
  async me(options?: RequestOptions): Promise<AuthSession> {
    return this.remember(
      await this.core.run(this.core.http.GET('/v1/auth/me', this.core.init('GET', options))),
    );
  }

  /** What an invitation link is for (company, email, role), before accepting it. */
  getInvitation(token: string, options?: RequestOptions): Promise<InvitationPreview> {
    return this.core.run(
      this.core.http.GET('/v1/auth/invitation', {
        params: { query: { token } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Accepts an invitation: creates the user with the invited email and role, and signs in. */
  async acceptInvitation(
    body: BodyOf<'acceptInvitation'>,
    options?: RequestOptions,
  ): Promise<AuthSession> {
    const init = this.core.init('POST', options);
    return this.remember(
      await this.core.run(this.core.http.POST('/v1/auth/accept-invitation', { body, ...init })),
    );
  }
}
