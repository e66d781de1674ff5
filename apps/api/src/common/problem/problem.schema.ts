import { z } from 'zod/mini';

export const fieldIssueSchema = z
  .object({
    field: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .register(z.globalRegistry, { id: 'FieldIssue' });

/** RFC 9457 problem details as this API sends them (extensions vary by `code`). */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    instance: z.optional(z.string()),
    errors: z.optional(z.array(fieldIssueSchema)),
  })
  .register(z.globalRegistry, { id: 'Problem' });
