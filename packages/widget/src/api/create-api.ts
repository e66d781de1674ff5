import type { LeadInput } from '@leadbridge/core';
import { type BodyOf, Core } from '@leadbridge/sdk/partner';
import type { ApiOptions, WidgetApi } from './api.js';

// The first load makes its three calls on the SDK's `Core` directly (same typed routes,
// retries, idempotency keys and errors as the resource groups, whose other methods — and the
// paging they bring — would cost the budget ≈0.6 kB gz). Views loaded later build the SDK's
// resource groups on the same `core`.

export function createApi(options: ApiOptions): WidgetApi {
  const core = new Core({
    baseUrl: options.baseUrl,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    // The widget authenticates with its token alone: no cookie of the API's origin should ride
    // along, even when the host page is that origin.
    credentials: 'omit',
  });
  return {
    core,
    publicProgram: (publishableKey, locale) =>
      core.run(
        core.http.GET('/v1/public/programs/{publishableKey}', {
          params: { path: { publishableKey }, query: { locale } },
          ...core.init('GET'),
        }),
      ),
    me: () => core.run(core.http.GET('/v1/partner/me', core.init('GET'))),
    // core types a form's values as unknown until checked; the Submit view sends only what
    // validateLead accepted, which is the API's shape.
    createLead: (input: LeadInput, idempotencyKey: string) =>
      core.run(
        core.http.POST('/v1/leads', {
          body: input as BodyOf<'createLead'>,
          ...core.init('POST', { idempotencyKey }),
        }),
      ),
  };
}
