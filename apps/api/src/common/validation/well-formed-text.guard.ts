import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { HttpRequest } from '../http/http';
import { type FieldIssue, validationProblem } from '../problem/problem';

const MAX_DEPTH = 32;
// An unpaired high or low surrogate (String.prototype.isWellFormed is ES2024, beyond our lib).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL (U+0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it holds an unpaired surrogate)';
  return null;
}

/** Every string in `value` that PostgreSQL could not store, with its dotted path. */
function collect(value: unknown, path: string, issues: FieldIssue[], depth = 0): void {
  if (issues.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const message = problemOf(value);
    if (message) issues.push({ field: path, code: 'invalid_text', message: `${path}: ${message}` });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    // Keys are text too: a NUL in a custom field's name would reach jsonb.
    const keyPath = path ? `${path}.${key}` : String(key);
    if (typeof key === 'string' && problemOf(key)) {
      issues.push({
        field: keyPath,
        code: 'invalid_text',
        message: `${keyPath}: ${problemOf(key)}`,
      });
    }
    collect(item, keyPath, issues, depth + 1);
  }
}

/**
 * Refuses, with a 422 naming the field, any path parameter, query parameter or JSON body string
 * holding a NUL or an unpaired surrogate. PostgreSQL cannot store either in text or jsonb, so
 * without this they would surface as database errors deep inside whichever route met them.
 * A guard (registered before the auth guard) because it sees params, query and body for every
 * route, including those whose parameters have no schema.
 */
@Injectable()
export class WellFormedTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const issues: FieldIssue[] = [];
    collect(request.params, '', issues);
    collect(request.query, '', issues);
    collect(request.body, '', issues);
    if (issues.length > 0) throw validationProblem(issues);
    return true;
  }
}
