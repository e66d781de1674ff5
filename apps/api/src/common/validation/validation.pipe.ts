import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { type FieldIssue, validationProblem } from '../problem/problem';

function pathOf(issue: StandardSchemaV1.Issue): string {
  const parts = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' && segment !== null && 'key' in segment
      ? String(segment.key)
      : String(segment),
  );
  return parts.length > 0 ? parts.join('.') : 'body';
}

export function issuesToFieldIssues(issues: readonly StandardSchemaV1.Issue[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = pathOf(issue);
    return { field, code: 'invalid', message: `${field}: ${issue.message}` };
  });
}

/**
 * Nest 12's Standard Schema pipe (zod/mini schemas from `@Body({ schema })`, `@Query({ schema })`)
 * answering our 422 problem with per-field errors instead of a bare 400.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) => validationProblem(issuesToFieldIssues(issues)),
  });
}
