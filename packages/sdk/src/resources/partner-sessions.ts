import type { RequestOptions } from '../core/options.js';
import type { BodyOf, PartnerSession, SignInCodeRequested } from '../types.js';
import { Resource } from './resource.js';

/** Partner session tokens minted by the company's server (like Stripe's client secrets). */
export class PartnerSessions extends Resource {
  /**
   * Mints a short-lived token (`pt_…`, default 1 hour, at most 24) for one partner in one
   * program; hand it to `<lead-form session-token=…>` or `new Leadbridge({ sessionToken })`.
   * Name the partner by `partnerId`, `partnerKey` or `email` (with `name`): by email, a person
   * signed in to your product is enrolled on first use when the program takes new partners.
   */
  create(body: BodyOf<'createPartnerSession'>, options?: RequestOptions): Promise<PartnerSession> {
    return this.core.run(
      this.core.http.POST('/v1/partner-sessions', { body, ...this.core.init('POST', options) }),
    );
  }
}

/** Partners signing themselves in with a one-time code (for companies without a backend). */
export class PartnerSignIn extends Resource {
  /**
   * Emails a 6-digit code (valid 10 minutes) to a partner enrolled in the program with this
   * publishable key. Answers the same for any email, so it reveals nobody.
   */
  requestCode(
    body: BodyOf<'requestSignInCode'>,
    options?: RequestOptions,
  ): Promise<SignInCodeRequested> {
    return this.core.run(
      this.core.http.POST('/v1/partner-sign-in/codes', {
        body,
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Exchanges the emailed code for a partner session (use its `token` as `sessionToken`). */
  verify(body: BodyOf<'verifySignInCode'>, options?: RequestOptions): Promise<PartnerSession> {
    return this.core.run(
      this.core.http.POST('/v1/partner-sign-in/verify', {
        body,
        ...this.core.init('POST', options),
      }),
    );
  }
}
