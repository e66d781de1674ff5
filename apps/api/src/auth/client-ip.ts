import type { HttpRequest } from '../common/http/http';

/** The caller's address for rate limits (Fastify honours `trustProxy` when it is set). */
export function clientIp(request: HttpRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
