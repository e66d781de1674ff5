import type { AppConfig } from '../../config/config';
import { allowOrigin } from '../http/cors';
import type { HttpRequest } from '../http/http';
import { forbidden } from '../problem/problem';

/**
 * Partner-facing calls from a browser must come from one of the program's allowed origins, the
 * admin app (whose live preview embeds the widget) or the API's own public origin, where every
 * program's hosted portal page is. Calls without an Origin header come from servers, where
 * CORS does not apply.
 *
 * The answer is readable by the calling page only when the origin is allowed — and for the
 * refusal itself, which carries nothing of the program, so that `<lead-form>` on a site the
 * company forgot to allow can say what to fix instead of failing like a network error.
 */
export function assertOriginAllowed(
  request: HttpRequest,
  allowedOrigins: readonly string[],
  config: AppConfig,
): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const admin = config.adminOrigins.includes(origin);
  if (request.reply) allowOrigin(request.reply, origin, admin);
  if (admin || allowedOrigins.includes(origin)) return;
  if (origin === new URL(config.publicUrl).origin) return;
  throw forbidden(
    'origin_not_allowed',
    `This program does not allow requests from ${origin}. Add it to the program's allowed origins.`,
  );
}

/**
 * Lets the calling page read a refusal that carries nothing of any tenant (an unknown
 * publishable key), so an embedded form can say what is wrong.
 */
export function explainToOrigin(request: HttpRequest): void {
  const origin = request.headers.origin;
  if (origin && request.reply) allowOrigin(request.reply, origin, false);
}
