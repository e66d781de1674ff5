/** A field-level message a client can show next to its input. */
export interface FieldIssue {
  /** Dotted path of the input, e.g. `email` or `fields.budget`. */
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem: `code` is stable and documented; `detail` is for people. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_TYPE_BASE = 'https://leadbridge.dev/problems/';

/**
 * Thrown anywhere in the API to answer with a problem+json. Extensions (e.g. `allowedStages`,
 * `current`) are spread into the body so clients read them without parsing `detail`.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: { errors?: FieldIssue[]; [key: string]: unknown } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export function validationProblem(errors: FieldIssue[], detail?: string): ProblemException {
  const first = errors[0];
  return new ProblemException(
    422,
    'validation_failed',
    detail ??
      (errors.length === 1 && first
        ? first.message
        : `${errors.length} fields are invalid: ${errors.map((e) => e.field).join(', ')}`),
    { errors },
  );
}

export function notFound(what: string): ProblemException {
  return new ProblemException(404, 'not_found', `${what} was not found.`);
}

export function forbidden(code: string, detail: string): ProblemException {
  return new ProblemException(403, code, detail);
}

export function conflict(code: string, detail: string, extensions = {}): ProblemException {
  return new ProblemException(409, code, detail, extensions);
}

/** No (longer a) valid credential on the request. */
export function unauthenticated(): ProblemException {
  return new ProblemException(
    401,
    'unauthenticated',
    'Sign in, or send an API key or partner session token as `Authorization: Bearer …`.',
    {},
    { 'WWW-Authenticate': 'Bearer' },
  );
}
