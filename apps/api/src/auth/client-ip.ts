import type { Request } from 'express';

/** The caller's address for rate limits (Express honours `trust proxy` when it is set). */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
