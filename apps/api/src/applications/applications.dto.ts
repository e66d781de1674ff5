import { z } from 'zod/mini';
import { displayNameSchema, emailSchema } from '../auth/account-schemas';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';
import { partnerSessionSchema } from '../partner-sessions/partner-sessions.dto';
import { localeField } from '../programs/programs.dto';
import type { PartnerApplication } from './partner-application.entity';

export const APPLICATION_TEXT_MAX_LENGTH = 200;
export const DECLINE_REASON_MAX_LENGTH = 1000;
export const BULK_APPLICATIONS_MAX_IDS = 100;

/** What a company sees: confirmed applications only. */
export const VISIBLE_APPLICATION_STATUSES = ['pending', 'approved', 'declined'] as const;
export type VisibleApplicationStatus = (typeof VISIBLE_APPLICATION_STATUSES)[number];

const publishableKeySchema = z.string().check(z.minLength(1), z.maxLength(200));
const optionalText = (description: string, example: string) =>
  z.optional(
    z
      .nullable(z.string().check(z.trim(), z.maxLength(APPLICATION_TEXT_MAX_LENGTH)))
      .register(z.globalRegistry, { description, examples: [example] }),
  );

export const applyBody = z
  .object({
    publishableKey: publishableKeySchema,
    name: displayNameSchema,
    email: emailSchema,
    company: optionalText('The applicant’s company, if any.', 'Northwind Consulting'),
    website: optionalText('The applicant’s website.', 'https://northwind.example'),
    answers: z.optional(
      z.record(z.string(), z.unknown()).register(z.globalRegistry, {
        description:
          "Answers to the program's `applicationQuestions`, by field key, with the values a lead form takes for each type.",
        examples: [{ audience: 'Mid-size logistics companies in Benelux' }],
      }),
    ),
    locale: z.optional(
      localeField(
        'The language the applicant is reading (the widget sends its own): their emails are written in it. Without it, the program’s default.',
      ),
    ),
  })
  .register(z.globalRegistry, { id: 'ApplyToProgramRequest' });
export type ApplyBody = z.infer<typeof applyBody>;

export const applicationCodeSentSchema = z
  .object({ status: z.literal('accepted'), expiresInSeconds: z.number(), detail: z.string() })
  .register(z.globalRegistry, {
    id: 'ApplicationCodeSent',
    description:
      'The same answer whether the email is new, has applied before or is already a partner (then a sign-in code is sent instead): nobody can find out who applied.',
  });
export type ApplicationCodeSentDto = z.infer<typeof applicationCodeSentSchema>;

export const confirmApplicationBody = z
  .object({
    publishableKey: publishableKeySchema,
    email: emailSchema,
    code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6-digit code from the email')),
  })
  .register(z.globalRegistry, { id: 'ConfirmApplicationRequest' });
export type ConfirmApplicationBody = z.infer<typeof confirmApplicationBody>;

export const applicationConfirmedSchema = z
  .object({
    status: z.enum(['pending', 'enrolled', 'signed_in']).register(z.globalRegistry, {
      description:
        '`pending`: the company will decide and email the applicant; `enrolled`: the program approves automatically and `session` is the new partner’s; `signed_in`: the email already belonged to a partner, who is signed in.',
    }),
    session: z.optional(partnerSessionSchema),
  })
  .register(z.globalRegistry, { id: 'ApplicationConfirmed' });
export type ApplicationConfirmedDto = z.infer<typeof applicationConfirmedSchema>;

export const applicationSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    status: z.enum(VISIBLE_APPLICATION_STATUSES),
    name: z.string(),
    email: z.string(),
    company: z.nullable(z.string()),
    website: z.nullable(z.string()),
    answers: z.record(z.string(), z.unknown()).register(z.globalRegistry, {
      description: "Answers to the program's application questions, by field key.",
    }),
    locale: z.string(),
    appliedAt: isoDateTimeSchema,
    decidedAt: z.nullable(isoDateTimeSchema),
    decidedBy: z.nullable(z.string()).register(z.globalRegistry, {
      description: 'Who approved or declined: a user’s or API key’s name, or `automatic`.',
    }),
    declineReason: z.nullable(z.string()),
    partnerId: z.nullable(z.string()).register(z.globalRegistry, {
      description: 'The partner an approval enrolled.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'PartnerApplication',
    description: 'Someone who applied to join a program and confirmed their email.',
  });
export type ApplicationDto = z.infer<typeof applicationSchema>;

export const applicationPageSchema = pageSchema(applicationSchema).register(z.globalRegistry, {
  id: 'PartnerApplicationPage',
});

export const listApplicationsQuery = z.object({
  ...pageQueryShape,
  status: z.optional(z.enum(VISIBLE_APPLICATION_STATUSES)),
  programId: z.optional(uuidSchema),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;

const declineReason = z.optional(
  z
    .nullable(z.string().check(z.trim(), z.maxLength(DECLINE_REASON_MAX_LENGTH)))
    .register(z.globalRegistry, {
      description: 'Told to the applicant in the email, as written.',
      examples: ['We only work with agencies in Germany for now.'],
    }),
);

export const declineApplicationBody = z
  .object({ reason: declineReason })
  .register(z.globalRegistry, { id: 'DeclineApplicationRequest' });
export type DeclineApplicationBody = z.infer<typeof declineApplicationBody>;

export const bulkDecideApplicationsBody = z
  .object({
    ids: z.array(uuidSchema).check(z.minLength(1), z.maxLength(BULK_APPLICATIONS_MAX_IDS)),
    decision: z.enum(['approve', 'decline']),
    reason: declineReason,
  })
  .register(z.globalRegistry, { id: 'BulkDecideApplicationsRequest' });
export type BulkDecideApplicationsBody = z.infer<typeof bulkDecideApplicationsBody>;

export const bulkApplicationResultSchema = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    code: z.optional(z.string()),
    detail: z.optional(z.string()),
    application: z.optional(applicationSchema),
  })
  .register(z.globalRegistry, { id: 'BulkApplicationResult' });
export type BulkApplicationResult = z.infer<typeof bulkApplicationResultSchema>;

export const bulkDecideApplicationsResponse = z
  .object({ results: z.array(bulkApplicationResultSchema) })
  .register(z.globalRegistry, { id: 'BulkDecideApplicationsResponse' });

export function toApplicationDto(row: PartnerApplication): ApplicationDto {
  return {
    id: row.id,
    programId: row.programId,
    status: row.status === 'unconfirmed' ? 'pending' : row.status,
    name: row.name,
    email: row.email,
    company: row.companyName,
    website: row.website,
    answers: row.answers,
    locale: row.locale,
    appliedAt: (row.confirmedAt ?? row.createdAt).toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decidedBy: row.decidedBy,
    declineReason: row.declineReason,
    partnerId: row.partnerId,
  };
}

export const teamNotificationPreferencesSchema = z
  .object({
    partnerApplied: z.boolean().register(z.globalRegistry, {
      description:
        'Email owners and admins when someone confirms an application to one of the programs.',
    }),
  })
  .register(z.globalRegistry, { id: 'TeamNotificationPreferences' });
export type TeamNotificationPreferencesDto = z.infer<typeof teamNotificationPreferencesSchema>;

export const updateTeamNotificationPreferencesBody = z
  .object({ partnerApplied: z.optional(z.boolean()) })
  .register(z.globalRegistry, {
    id: 'UpdateTeamNotificationPreferencesRequest',
    description: 'Only the switches sent change.',
  });
export type UpdateTeamNotificationPreferencesBody = z.infer<
  typeof updateTeamNotificationPreferencesBody
>;
