import { z } from 'zod/mini';

export const fieldIssueSchema = z
  .object({
    field: z
      .string()
      .check(
        z.describe(
          'The input, as a dotted path: a built-in field (`email`), `fields.<key>` for a custom field, a query parameter (`cursor`), `mapping.<column>`, `file`, or `body`.',
        ),
      ),
    code: z
      .string()
      .check(
        z.describe(
          'Stable reason, e.g. `required`, `invalid_email`, `too_long`, `invalid_option`, `invalid_cursor`, `invalid_text`, `builtin_missing`, `unknown_field`.',
        ),
      ),
    message: z.string().check(z.describe('The reason in words, for people (English).')),
    params: z.optional(
      z
        .record(z.string(), z.union([z.string(), z.number()]))
        .check(
          z.describe(
            'The values the message was built from (e.g. `{"label":"Email","max":200}`), to word it in another language.',
          ),
        ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'FieldIssue',
    description: 'One invalid input, to show next to it.',
    examples: [
      {
        field: 'email',
        code: 'required',
        message: 'Email is required',
        params: { label: 'Email' },
      },
    ],
  });

/** RFC 9457 problem details as this API sends them (extensions vary by `code`). */
export const problemSchema = z
  .looseObject({
    type: z
      .string()
      .check(z.describe('A URI naming the problem: `https://leadbridge.dev/problems/<code>`.')),
    title: z.string().check(z.describe('The HTTP status in words.')),
    status: z.number().check(z.describe('The HTTP status code.')),
    code: z
      .string()
      .check(
        z.describe(
          'Stable, machine-readable reason; each operation lists the codes it can answer.',
        ),
      ),
    detail: z.string().check(z.describe('What happened and what to do, for people.')),
    instance: z.optional(
      z.string().check(z.describe('The request id (also in the `X-Request-Id` header).')),
    ),
    errors: z.optional(
      z.array(fieldIssueSchema).check(z.describe('With `validation_failed`: each invalid input.')),
    ),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description:
      'An RFC 9457 problem (`application/problem+json`). Some codes add fields: `current` (version_conflict), `firstRegisteredAt` (duplicate_lead), `allowedStages` (invalid_stage_transition), `runningImportIds` (import_already_running), `missingFields` and `headers` (missing_required_columns), `retryAfterSeconds` (rate_limited).',
  });
