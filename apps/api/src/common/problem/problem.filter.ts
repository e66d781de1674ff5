import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { HttpReply, HttpRequest } from '../http/http';
import { type FieldIssue, ProblemException } from './problem';

const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08003',
  '08006',
]);

// character_not_in_repertoire, untranslatable_character: text PostgreSQL cannot store. The
// WellFormedTextGuard refuses such input up front; this is the backstop for paths it cannot see.
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

function isUnstorableText(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code =
    (error as { code?: string }).code ??
    (error as { driverError?: { code?: string } }).driverError?.code;
  return code !== undefined && UNSTORABLE_TEXT_CODES.has(code);
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && DATABASE_DOWN_CODES.has(code)) return true;
  const driverCode = (error as { driverError?: { code?: string } }).driverError?.code;
  if (driverCode && DATABASE_DOWN_CODES.has(driverCode)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

/** Nest's own HttpExceptions (unknown route, payload too large…) mapped to problems. */
function fromHttpException(error: HttpException): ProblemException {
  const status = error.getStatus();
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response && 'message' in response
      ? (response as { message: unknown }).message
      : error.message;
  const detail = Array.isArray(message) ? message.join('; ') : String(message);
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    422: 'validation_failed',
    429: 'rate_limited',
  };
  const errors: FieldIssue[] | undefined =
    status === 400 && /JSON/i.test(detail)
      ? [{ field: 'body', code: 'invalid_json', message: 'The request body is not valid JSON.' }]
      : undefined;
  if (errors)
    return new ProblemException(400, 'invalid_json', errors[0]?.message ?? detail, { errors });
  return new ProblemException(status, codes[status] ?? 'error', detail);
}

/** Every error leaves the API as application/problem+json with a stable `code`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpReply>();
    const request = http.getRequest<HttpRequest | undefined>();
    let problem: ProblemException;
    if (error instanceof ProblemException) {
      problem = error;
    } else if (error instanceof HttpException) {
      problem = fromHttpException(error);
    } else if (isDatabaseUnavailable(error)) {
      problem = new ProblemException(
        503,
        'service_unavailable',
        'The database is unavailable. Retry in a few seconds.',
        {},
        { 'Retry-After': '2' },
      );
    } else if (isUnstorableText(error)) {
      problem = new ProblemException(
        422,
        'invalid_text',
        'The request holds text that cannot be stored (a NUL character or broken Unicode).',
      );
    } else if (error instanceof Error && (error as { type?: string }).type === 'entity.too.large') {
      problem = new ProblemException(413, 'payload_too_large', 'The request body is too large.');
    } else if (
      error instanceof Error &&
      (error as { type?: string }).type === 'entity.parse.failed'
    ) {
      problem = new ProblemException(400, 'invalid_json', 'The request body is not valid JSON.', {
        errors: [
          { field: 'body', code: 'invalid_json', message: 'The request body is not valid JSON.' },
        ],
      });
    } else {
      const detail = error instanceof QueryFailedError ? 'database error' : 'unexpected error';
      this.logger.error(
        { requestId: request?.id, path: request?.url, detail },
        error instanceof Error ? error.stack : String(error),
      );
      problem = new ProblemException(
        500,
        'internal_error',
        'Something went wrong on our side. The request id identifies it in our logs.',
      );
    }
    if (response.sent || response.raw.headersSent) {
      // Mid-stream (a CSV export): the status is gone; ending the answer is all that is left.
      if (!response.raw.writableEnded) response.raw.end();
      return;
    }
    for (const [name, value] of Object.entries(problem.headers)) response.header(name, value);
    response
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toBody(request?.id)));
  }
}
