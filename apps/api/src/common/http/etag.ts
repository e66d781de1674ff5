import { createHash } from 'node:crypto';
import type { HttpReply, HttpRequest } from './http';

/** Express's weak ETag of a body: `W/"<length hex>-<sha1 base64, 27 chars>"`. */
function weakEtag(body: string | Buffer): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return `W/"${length.toString(16)}-${hash}"`;
}

/** Express's `request.fresh` for a response carrying `etag` (no Last-Modified is ever set). */
function isFresh(request: HttpRequest, etag: string): boolean {
  const match = request.headers['if-none-match'];
  if (!match) return false;
  // `Cache-Control: no-cache` asks for a full answer.
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(request.headers['cache-control'] ?? '')) return false;
  if (match.trim() === '*') return true;
  const strip = (tag: string) => tag.replace(/^W\//, '');
  return match.split(',').some((tag) => strip(tag.trim()) === strip(etag));
}

/**
 * The `onSend` hook that keeps what Express did for every body it sent whole (not streams):
 * a weak ETag, and a bodiless 304 to a GET or HEAD whose If-None-Match still matches.
 */
export function etagHook(
  request: HttpRequest,
  reply: HttpReply,
  payload: unknown,
  done: (error: Error | null, payload?: unknown) => void,
): void {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
    done(null, payload);
    return;
  }
  if (typeof payload === 'string') {
    // Express sent every string as UTF-8 and said so on whatever type the route had set.
    const type = reply.getHeader('Content-Type');
    if (typeof type === 'string' && !/;\s*charset=/i.test(type)) {
      reply.header('Content-Type', `${type}; charset=utf-8`);
    }
  }
  let etag = reply.getHeader('ETag');
  if (etag === undefined) {
    etag = weakEtag(payload);
    reply.header('ETag', etag);
  }
  const status = reply.statusCode;
  if (
    (request.method === 'GET' || request.method === 'HEAD') &&
    ((status >= 200 && status < 300) || status === 304) &&
    isFresh(request, String(etag))
  ) {
    reply.code(304);
    reply.removeHeader('Content-Type');
    reply.removeHeader('Content-Length');
    reply.removeHeader('Transfer-Encoding');
    done(null, null);
    return;
  }
  done(null, payload);
}
