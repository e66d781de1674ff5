import type { z } from 'zod/mini';

/**
 * Documents `documented` in OpenAPI (so the SDK gets real types) while the validation pipe only
 * enforces `enforced`. Lead bodies need this: their fields are checked by core's validateLead
 * against the program's own form, after the program checks (403 before 422), and its errors
 * carry core's stable codes (`required`, `invalid_email`, …) that zod's messages would not.
 */
export function enforcedBy<T extends z.ZodMiniType>(documented: T, enforced: z.ZodMiniType): T {
  // zod 4 lets `~standard` be replaced per instance (it has a setter for exactly this).
  (documented as { '~standard': unknown })['~standard'] = enforced['~standard'];
  return documented;
}
