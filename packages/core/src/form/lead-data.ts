import { z } from 'zod/mini';

/** What the API receives and the browser form builds: built-ins on top, custom fields below. */
export type LeadInput = {
  email: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  fields?: Record<string, unknown>;
};

/** An edit: only the properties being changed; an empty string or null clears a value. */
export type LeadPatchInput = {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  fields?: Record<string, unknown>;
};

export type LeadFieldValue = string | number | boolean | string[];

/** A validated, normalised lead. Empty optional custom fields are absent from `fields`. */
export type LeadData = {
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  fields: Record<string, LeadFieldValue>;
};

/** A validated edit: only what was sent; null means "cleared". */
export type LeadPatch = {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  fields?: Record<string, LeadFieldValue | null>;
};

// Built in pure-annotated arrows, so bundles that never use these schemas leave zod out.
const fieldValueSchema = /* @__PURE__ */ (() =>
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]))();

// Shapes only: the per-program rules (which fields exist, formats, required) need the program's
// form schema and live in validateLead, which reports every problem with a readable message.
export const leadInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.string(),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
    company: z.optional(z.string()),
    fields: z.optional(z.record(z.string(), fieldValueSchema)),
  }))();

export const leadPatchInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.optional(z.string()),
    firstName: z.optional(z.nullable(z.string())),
    lastName: z.optional(z.nullable(z.string())),
    company: z.optional(z.nullable(z.string())),
    fields: z.optional(z.record(z.string(), fieldValueSchema)),
  }))();
