import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's reply (set by an `onRequest` hook in bootstrap.ts), as Express's `res`. */
    reply: FastifyReply | null;
  }
}

/** The request controllers, guards and filters see (Fastify's; `cookies` from @fastify/cookie). */
export type HttpRequest = FastifyRequest;
/** The reply every controller, interceptor and filter writes to (Fastify's). */
export type HttpReply = FastifyReply;

/** The request's path without the query string, as Express's `request.path` was. */
export function requestPath(request: { url: string }): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

/** Adds `field` to the answer's `Vary` header once (what Express's `response.vary()` did). */
export function vary(reply: HttpReply, field: string): void {
  const current = reply.getHeader('Vary');
  if (current === undefined || current === '') {
    reply.header('Vary', field);
    return;
  }
  const fields = String(current)
    .split(',')
    .map((name) => name.trim().toLowerCase());
  if (fields.includes('*') || fields.includes(field.toLowerCase())) return;
  reply.header('Vary', `${String(current)}, ${field}`);
}
