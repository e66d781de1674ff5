import type { LeadInput } from '@leadbridge/core';
import { Core } from '@leadbridge/sdk/internal/core/core.js';
import type { ApiOptions, WidgetApi } from './api.js';

// The SDK's `new Leadbridge()` builds all eighteen resource groups (≈7 kB gz in a browser
// bundle, most of the widget's 25 kB first-load budget). The first load therefore calls its
// three routes through the SDK's Core directly (same typed client, transport and errors);
// views loaded on demand use the SDK's resource classes (Leads, Imports, Customers, …).

export function createApi(options: ApiOptions): WidgetApi {
  const core = new Core({
    baseUrl: options.baseUrl,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    // Without a token the SDK assumes the admin app's cookie session and sends credentials;
    // the API answers other origins without Allow-Credentials, so the browser would drop the
    // answer. The widget never relies on cookies.
    fetch: (request, init) => fetch(new Request(request, { ...init, credentials: 'omit' })),
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
    createLead: (input: LeadInput, idempotencyKey: string) =>
      core.run(
        core.http.POST('/v1/leads', {
          body: input as never,
          ...core.init('POST', { idempotencyKey }),
        }),
      ),
  };
}
