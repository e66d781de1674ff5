import { EMAIL_MAX_LENGTH } from '@leadbridge/core';
import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { uuidSchema } from '../common/validation/common-schemas';
import type { Partner, PartnerStatus } from './partner.entity';

export const PARTNER_STATUSES = [
  'invited',
  'active',
  'archived',
] as const satisfies readonly PartnerStatus[];
export const PARTNERSHIP_STATUSES = ['active', 'ended'] as const;
export const PARTNER_NAME_MAX_LENGTH = 200;
export const PARTNER_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const MAX_PROGRAMS_PER_REQUEST = 50;

export const partnerNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(PARTNER_NAME_MAX_LENGTH));
// Checked with core's isValidEmail in the service, the rule leads are checked with.
const emailSchema = z.string().check(z.trim(), z.maxLength(EMAIL_MAX_LENGTH));
const partnerKeySchema = z
  .string()
  .check(
    z.regex(
      PARTNER_KEY_PATTERN,
      'must be 1–100 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    ),
  );

export const createPartnerBody = z
  .strictObject({
    name: partnerNameSchema,
    email: emailSchema,
    programIds: z.optional(z.array(uuidSchema).check(z.maxLength(MAX_PROGRAMS_PER_REQUEST))),
    invite: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, {
    id: 'CreatePartnerRequest',
    description:
      'Enrols the partner in `programIds` at once; `invite: true` emails the partner where to submit leads.',
  });
export type CreatePartnerBody = z.infer<typeof createPartnerBody>;

export const updatePartnerBody = z
  .strictObject({
    name: z.optional(partnerNameSchema),
    email: z.optional(emailSchema),
    status: z.optional(z.literal('active')),
  })
  .register(z.globalRegistry, {
    id: 'UpdatePartnerRequest',
    description:
      '`status: "active"` restores an archived partner (its enrolments work again); archive with DELETE.',
  });
export type UpdatePartnerBody = z.infer<typeof updatePartnerBody>;

export const enrollPartnerBody = z
  .strictObject({
    partnerId: uuidSchema,
    partnerKey: z.optional(partnerKeySchema),
    invite: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, {
    id: 'EnrollPartnerRequest',
    description:
      '`partnerKey` names the partner in this program (unique per program; generated from the name when absent).',
  });
export type EnrollPartnerBody = z.infer<typeof enrollPartnerBody>;

export const listPartnersQuery = z.object({
  ...pageQueryShape,
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  programId: z.optional(uuidSchema),
  status: z.optional(z.enum(PARTNER_STATUSES)),
});
export type ListPartnersQuery = z.infer<typeof listPartnersQuery>;

export const listProgramPartnersQuery = z.object({
  ...pageQueryShape,
  status: z.optional(z.enum(PARTNERSHIP_STATUSES)),
});
export type ListProgramPartnersQuery = z.infer<typeof listProgramPartnersQuery>;

export const partnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(PARTNER_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'Partner' });
export type PartnerDto = z.infer<typeof partnerSchema>;

export const partnershipSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programName: z.string(),
    partnerId: z.string(),
    partnerKey: z.string(),
    status: z.enum(PARTNERSHIP_STATUSES),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, {
    id: 'Partnership',
    description: 'A partner’s enrolment in one program; `ended` ones no longer sign in.',
  });
export type PartnershipDto = z.infer<typeof partnershipSchema>;

export const partnerDetailSchema = z
  .object({ ...partnerSchema.shape, partnerships: z.array(partnershipSchema) })
  .register(z.globalRegistry, { id: 'PartnerDetail' });
export type PartnerDetailDto = z.infer<typeof partnerDetailSchema>;

export const programPartnerSchema = z
  .object({ ...partnershipSchema.shape, partner: partnerSchema })
  .register(z.globalRegistry, {
    id: 'ProgramPartner',
    description: 'An enrolment with its partner, as listed for one program.',
  });
export type ProgramPartnerDto = z.infer<typeof programPartnerSchema>;

export const partnerPageSchema = pageSchema(partnerSchema).register(z.globalRegistry, {
  id: 'PartnerPage',
});
export const programPartnerPageSchema = pageSchema(programPartnerSchema).register(
  z.globalRegistry,
  { id: 'ProgramPartnerPage' },
);

export function toPartnerDto(partner: Partner): PartnerDto {
  return {
    id: partner.id,
    name: partner.name,
    email: partner.email,
    status: partner.status,
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
    archivedAt: partner.archivedAt ? partner.archivedAt.toISOString() : null,
  };
}

/** A partnerships row joined with its program's name, as the repository selects it. */
export interface PartnershipRow {
  id: string;
  program_id: string;
  program_name: string;
  partner_id: string;
  partner_key: string;
  status: 'active' | 'archived';
  created_at: Date;
}

export function toPartnershipDto(row: PartnershipRow): PartnershipDto {
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    partnerId: row.partner_id,
    partnerKey: row.partner_key,
    // The column says `archived`; to a company an enrolment that stopped has ended.
    status: row.status === 'active' ? 'active' : 'ended',
    createdAt: row.created_at.toISOString(),
  };
}
