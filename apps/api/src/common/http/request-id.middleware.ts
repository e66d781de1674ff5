import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Gives each request an id (or keeps a sane incoming `X-Request-Id`), echoes it, and logs one
 * structured line per request when it finishes.
 */
export function requestIdMiddleware(logRequests: boolean) {
  const logger = new Logger('http');
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    const incoming = request.headers['x-request-id'];
    const id =
      typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    request.id = id;
    response.setHeader('X-Request-Id', id);
    if (logRequests) {
      const started = process.hrtime.bigint();
      response.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.log({
          requestId: id,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          ms: Math.round(ms * 10) / 10,
        });
      });
    }
    next();
  };
}
