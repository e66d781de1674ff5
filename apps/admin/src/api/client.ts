import { Leadbridge } from '@leadbridge/sdk';

/**
 * The one API client of the app. The admin app is served by the API itself (or proxied to it by
 * the dev server), so it is same-origin: the cookie session needs no CORS, and the SDK adds the
 * CSRF token it learns from `auth.signIn`/`auth.me` to every write.
 */
export const lb = new Leadbridge({ baseUrl: window.location.origin });
