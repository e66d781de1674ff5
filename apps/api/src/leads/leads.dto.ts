import { isLeadStage, LEAD_STAGES, leadStageSchema } from '@leadbridge/core';
import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';
import { enforcedBy } from './documented-body';
import { leadEventSchema, leadFieldValueSchema, leadSchema } from './lead.dto';

export const PARTNER_KEY_MAX_LENGTH = 200;
export const BULK_STAGE_MAX_IDS = 500;
export const STAGE_REASON_MAX_LENGTH = 1000;

const partnerKeySchema = z.string().check(z.minLength(1), z.maxLength(PARTNER_KEY_MAX_LENGTH));
const customFieldsSchema = z.record(z.string(), z.nullable(leadFieldValueSchema));

/**
 * The lead itself (core's LeadInput) plus, for company principals, whom it is submitted for.
 * A partner session already names its program and partner.
 */
export const createLeadBody = enforcedBy(
  z
    .object({
      email: z
        .string()
        .check(
          z.describe("Built-in field `email`: always required, whatever the program's form says."),
        ),
      firstName: z.optional(z.string().check(z.describe('Built-in field `firstName`.'))),
      lastName: z.optional(z.string().check(z.describe('Built-in field `lastName`.'))),
      company: z.optional(z.string().check(z.describe('Built-in field `company`.'))),
      fields: z.optional(
        customFieldsSchema.check(
          z.describe(
            'The program\'s custom fields by key, e.g. `{"budget": 25000, "products": ["crm"]}`; each is checked against its type, options and `required`.',
          ),
        ),
      ),
      programId: z.optional(
        uuidSchema.check(
          z.describe(
            'API keys and cookie sessions: **required**, the program. Partner sessions: omit.',
          ),
        ),
      ),
      partnerId: z.optional(
        uuidSchema.check(
          z.describe(
            'API keys and cookie sessions: the partner — exactly one of `partnerId` or `partnerKey`.',
          ),
        ),
      ),
      partnerKey: z.optional(
        partnerKeySchema.check(
          z.describe(
            "API keys and cookie sessions: the partner's key in the program (instead of `partnerId`).",
          ),
        ),
      ),
    })
    .register(z.globalRegistry, {
      id: 'CreateLeadBody',
      description:
        'A lead: the built-in fields use fixed camelCase keys (`firstName`, `lastName`, `email`, `company`, never `first_name`), custom fields go under `fields`. Company principals add `programId` and one of `partnerId` / `partnerKey`.',
      examples: [
        {
          programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
          partnerKey: 'northwind',
          email: 'ada.lovelace@example.com',
          firstName: 'Ada',
          lastName: 'Lovelace',
          company: 'Analytical Engines Ltd',
          fields: { budget: 25000 },
        },
      ],
    }),
  z.looseObject({
    programId: z.optional(uuidSchema),
    partnerId: z.optional(uuidSchema),
    partnerKey: z.optional(partnerKeySchema),
  }),
);

/** Routing properties of a create body; everything else is the lead, validated by core. */
export interface LeadTarget {
  programId?: string;
  partnerId?: string;
  partnerKey?: string;
}

export type CreateLeadBody = LeadTarget & Record<string, unknown>;

/** core's LeadPatchInput plus the version the edit was based on (stale → 409). */
export const updateLeadBody = enforcedBy(
  z
    .object({
      version: z.int().check(z.positive()),
      email: z.optional(z.string()),
      firstName: z.optional(z.nullable(z.string())),
      lastName: z.optional(z.nullable(z.string())),
      company: z.optional(z.nullable(z.string())),
      fields: z.optional(customFieldsSchema),
    })
    .register(z.globalRegistry, { id: 'UpdateLeadBody' }),
  z.looseObject({ version: z.int().check(z.positive()) }),
);

export type UpdateLeadBody = { version: number } & Record<string, unknown>;

export const changeLeadStageBody = z
  .object({
    stage: leadStageSchema,
    reason: z.optional(z.string().check(z.maxLength(STAGE_REASON_MAX_LENGTH))),
    version: z.optional(z.int().check(z.positive())),
  })
  .register(z.globalRegistry, { id: 'ChangeLeadStageBody' });

export type ChangeLeadStageBody = z.infer<typeof changeLeadStageBody>;

export const bulkChangeLeadStageBody = z
  .object({
    ids: z.array(uuidSchema).check(z.minLength(1), z.maxLength(BULK_STAGE_MAX_IDS)),
    stage: leadStageSchema,
    reason: z.optional(z.string().check(z.maxLength(STAGE_REASON_MAX_LENGTH))),
  })
  .register(z.globalRegistry, { id: 'BulkChangeLeadStageBody' });

export type BulkChangeLeadStageBody = z.infer<typeof bulkChangeLeadStageBody>;

export const bulkStageResultSchema = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    code: z.optional(z.string()),
    detail: z.optional(z.string()),
    lead: z.optional(leadSchema),
  })
  .register(z.globalRegistry, { id: 'BulkLeadStageResult' });

export const bulkChangeLeadStageResponse = z
  .object({ results: z.array(bulkStageResultSchema) })
  .register(z.globalRegistry, { id: 'BulkLeadStageResponse' });

export type BulkStageResult = z.infer<typeof bulkStageResultSchema>;

export const LEAD_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

const stageListSchema = z
  .string()
  .check(
    z.refine(
      (value) => value.split(',').every((stage) => isLeadStage(stage.trim())),
      `stage must be one or more of ${LEAD_STAGES.join(', ')} (comma-separated or repeated)`,
    ),
  );

export const listLeadsQuery = z.object({
  ...pageQueryShape,
  /** One stage, several comma-separated, or the parameter repeated. */
  stage: z.optional(z.union([stageListSchema, z.array(stageListSchema)])),
  partnerId: z.optional(uuidSchema),
  programId: z.optional(uuidSchema),
  /** Searches first name, last name, email and company (case-insensitive, substring). */
  q: z.optional(z.string().check(z.maxLength(200))),
  /** Created at or after this instant. */
  createdFrom: z.optional(isoDateTimeSchema),
  /** Created before this instant. */
  createdTo: z.optional(isoDateTimeSchema),
  /** `-createdAt` (newest first, default), `createdAt`, `-updatedAt` or `updatedAt`. */
  sort: z.optional(z.enum(LEAD_SORTS)),
});

export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

export const leadPageSchema = pageSchema(leadSchema).register(z.globalRegistry, {
  id: 'LeadPage',
});

export const listLeadEventsQuery = z.object({ ...pageQueryShape });

export type ListLeadEventsQuery = z.infer<typeof listLeadEventsQuery>;

export const leadEventPageSchema = pageSchema(leadEventSchema).register(z.globalRegistry, {
  id: 'LeadEventPage',
});

/** The stages a `stage` query names, in LEAD_STAGES order, without repeats. */
export function parseStageFilter(value: string | string[] | undefined): LeadStage[] {
  if (value === undefined) return [];
  const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','));
  const wanted = new Set(parts.map((part) => part.trim()));
  return LEAD_STAGES.filter((stage) => wanted.has(stage));
}

type LeadStage = (typeof LEAD_STAGES)[number];
