import type { FastifyInstance } from 'fastify';

/** What body-parser's errors carried, so ProblemFilter answers them as it always has. */
function bodyError(type: 'entity.parse.failed', status: number, message: string): Error {
  return Object.assign(new SyntaxError(message), { type, status, statusCode: status });
}

/** JSON as Express's `json({ strict: true })` read it: an object or array; empty means `{}`. */
function parseJson(body: string): unknown {
  if (body.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/.exec(body)?.[1];
  if (first !== '{' && first !== '[') {
    throw bodyError('entity.parse.failed', 400, 'The request body is not valid JSON.');
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw bodyError('entity.parse.failed', 400, (error as Error).message);
  }
}

/**
 * Bodies: `application/json` and `application/*+json` parsed up to `jsonLimit` (413 beyond);
 * every other type is left unread, as Express left it, so uploads (multipart, text/csv, xlsx)
 * stream from `request.raw` to the upload receiver and are never buffered whole here.
 */
export function registerBodyParsers(fastify: FastifyInstance, jsonLimit: number): void {
  fastify.removeAllContentTypeParsers();
  const json = (
    _request: unknown,
    body: string | Buffer,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    try {
      done(null, parseJson(typeof body === 'string' ? body : body.toString('utf8')));
    } catch (error) {
      done(error as Error);
    }
  };
  for (const type of ['application/json', /^application\/[^;\s]+\+json(\s*;|$)/i]) {
    fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit: jsonLimit }, json);
  }
  // Not read: the handler (or nobody) consumes the stream.
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
