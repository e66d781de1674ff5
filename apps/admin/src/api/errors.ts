import { isLeadbridgeError, type LeadbridgeError } from '@leadbridge/sdk';

/** What to tell a person about a failed call: the API's problem `detail`, or a fallback. */
export function errorMessage(
  error: unknown,
  fallback = 'Something went wrong. Please try again.',
): string {
  if (isLeadbridgeError(error)) {
    if (error.code === 'network_error') return 'Cannot reach the server. Check your connection.';
    if (error.code === 'timeout') return 'The server took too long to answer. Please try again.';
    return error.detail || fallback;
  }
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/**
 * Field errors of a 422 `validation_failed`, keyed by field path with the prefix the form uses
 * stripped (`fields.budget` → `budget` when `prefix` is `fields.`). The API prefixes messages
 * with the path (`email: must be…`); that prefix is dropped since the message sits by the input.
 */
export function fieldErrors(error: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isLeadbridgeError(error)) return out;
  for (const issue of error.errors) {
    const field =
      prefix && issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    const message = issue.message.startsWith(`${issue.field}: `)
      ? issue.message.slice(issue.field.length + 2)
      : issue.message;
    out[field] ??= message;
  }
  return out;
}

export function problemCode(error: unknown): string | null {
  return isLeadbridgeError(error) ? error.code : null;
}

export function isStatus(error: unknown, status: number): error is LeadbridgeError {
  return isLeadbridgeError(error) && error.status === status;
}
