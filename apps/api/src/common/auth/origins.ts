import type { Request } from 'express';
import type { AppConfig } from '../../config/config';
import { forbidden } from '../problem/problem';

/**
 * Partner-facing calls from a browser must come from one of the program's allowed origins, the
 * admin app (whose live preview embeds the widget) or the API's own public origin, where every
 * program's hosted portal page is. Calls without an Origin header come from servers, where
 * CORS does not apply.
 */
export function assertOriginAllowed(
  request: Request,
  allowedOrigins: readonly string[],
  config: AppConfig,
): void {
  const origin = request.headers.origin;
  if (!origin) return;
  if (allowedOrigins.includes(origin) || config.adminOrigins.includes(origin)) return;
  if (origin === new URL(config.publicUrl).origin) return;
  throw forbidden(
    'origin_not_allowed',
    `This program does not allow requests from ${origin}. Add it to the program's allowed origins.`,
  );
}
