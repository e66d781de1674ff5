import { z } from 'zod/mini';
import { emailSchema } from '../auth/account-schemas';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';
import { partnerNameSchema } from '../partners/partners.dto';
import { localeField } from '../programs/programs.dto';

export const PARTNER_SESSION_DEFAULT_SECONDS = 3600;
export const PARTNER_SESSION_MAX_SECONDS = 86_400;

export const partnerIdentitySchema = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .register(z.globalRegistry, { id: 'PartnerIdentity' });

export const programIdentitySchema = z
  .object({ id: z.string(), name: z.string() })
  .register(z.globalRegistry, { id: 'ProgramIdentity' });

export type PartnerIdentityDto = z.infer<typeof partnerIdentitySchema>;
export type ProgramIdentityDto = z.infer<typeof programIdentitySchema>;

// A property that must be absent (JSON Schema's `false`).
const NEVER = { not: {} };

const PARTNER_NAMED_BY = ['partnerId', 'partnerKey', 'email'] as const;

export const createPartnerSessionBody = z
  .object({
    programId: uuidSchema,
    /** Leadbridge's id of the partner… */
    partnerId: z.optional(uuidSchema),
    /** …or the key the company gave the partner in this program… */
    partnerKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** …or the email the person signs in to the company's product with (enrols on first use). */
    email: z.optional(emailSchema),
    /** With `email`: the name a partner created on first use gets. */
    name: z.optional(partnerNameSchema),
    expiresInSeconds: z.optional(
      z
        .int()
        .check(
          z.gte(60, 'must be at least 60'),
          z.lte(PARTNER_SESSION_MAX_SECONDS, `must be at most ${PARTNER_SESSION_MAX_SECONDS}`),
        ),
    ),
  })
  .check(
    z.check((ctx) => {
      const given = PARTNER_NAMED_BY.filter((field) => ctx.value[field] !== undefined);
      if (given.length !== 1) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          // Naming the second field given, or `email` when none is.
          path: [given[1] ?? 'email'],
          message: 'give exactly one of partnerId, partnerKey or email',
        });
      }
      if (ctx.value.name !== undefined && ctx.value.email === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: ['name'],
          message: 'name goes with email (it names a partner created on first use)',
        });
      }
    }),
  )
  .register(z.globalRegistry, {
    id: 'CreatePartnerSessionRequest',
    // The partner is named one way only: a rule across fields, so the document states it.
    oneOf: [
      {
        title: 'Partner by id',
        required: ['partnerId'],
        properties: { partnerKey: NEVER, email: NEVER, name: NEVER },
      },
      {
        title: 'Partner by key',
        required: ['partnerKey'],
        properties: { partnerId: NEVER, email: NEVER, name: NEVER },
      },
      {
        title: 'Person by email (enrolled on first use)',
        required: ['email'],
        properties: { partnerId: NEVER, partnerKey: NEVER },
      },
    ],
    examples: [
      {
        programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
        email: 'ada.lovelace@example.com',
        name: 'Ada Lovelace',
      },
    ],
  });

/** A partner session token for `<lead-form session-token=…>` or `Authorization: Bearer`. */
export const partnerSessionSchema = z
  .object({
    token: z.string(),
    expiresAt: isoDateTimeSchema,
    partner: partnerIdentitySchema,
    program: programIdentitySchema,
  })
  .register(z.globalRegistry, { id: 'PartnerSession' });

export type PartnerSessionDto = z.infer<typeof partnerSessionSchema>;

const publishableKeySchema = z.string().check(z.minLength(1), z.maxLength(200));

export const requestSignInCodeBody = z
  .object({
    publishableKey: publishableKeySchema,
    email: emailSchema,
    locale: z.optional(
      localeField(
        'The language the person is reading (the widget sends its own): the email with the code is written in it, unless the partner chose an email language. Without it, the program’s default.',
      ),
    ),
  })
  .register(z.globalRegistry, { id: 'RequestSignInCodeRequest' });

/** The same answer whether or not the email is a partner (no enumeration). */
export const signInCodeRequestedSchema = z
  .object({ status: z.literal('accepted'), expiresInSeconds: z.number(), detail: z.string() })
  .register(z.globalRegistry, { id: 'SignInCodeRequested' });

export type SignInCodeRequestedDto = z.infer<typeof signInCodeRequestedSchema>;

export const verifySignInCodeBody = z
  .object({
    publishableKey: publishableKeySchema,
    email: emailSchema,
    code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6-digit code from the email')),
  })
  .register(z.globalRegistry, { id: 'VerifySignInCodeRequest' });

export const partnerMeSchema = z
  .object({ partner: partnerIdentitySchema, program: programIdentitySchema })
  .register(z.globalRegistry, { id: 'PartnerMe' });

export type PartnerMeDto = z.infer<typeof partnerMeSchema>;
