import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { HttpReply, HttpRequest } from './http';

/** A sane incoming `X-Request-Id` is kept (a proxy's id ties its log to ours); else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * Echoes each request's id (Fastify's `request.id`, made by requestIdOf() through `genReqId`)
 * as `X-Request-Id`, and logs one structured line per request when it finishes.
 */
export function requestIdHooks(logRequests: boolean): {
  onRequest: (request: HttpRequest, reply: HttpReply) => void;
  onResponse: ((request: HttpRequest, reply: HttpReply) => void) | null;
} {
  const logger = new Logger('http');
  const started = new WeakMap<HttpRequest, bigint>();
  return {
    onRequest: (request, reply) => {
      reply.header('X-Request-Id', request.id);
      if (logRequests) started.set(request, process.hrtime.bigint());
    },
    onResponse: logRequests
      ? (request, reply) => {
          const start = started.get(request) ?? process.hrtime.bigint();
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          logger.log({
            requestId: request.id,
            method: request.method,
            path: request.originalUrl.split('?')[0],
            status: reply.statusCode,
            ms: Math.round(ms * 10) / 10,
          });
        }
      : null,
  };
}
