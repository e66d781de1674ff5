import { z } from 'zod/mini';
import { emailSchema } from '../auth/account-schemas';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';
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

export const createPartnerSessionBody = z
  .object({
    programId: uuidSchema,
    /** Leadbridge's id of the partner… */
    partnerId: z.optional(uuidSchema),
    /** …or the key the company gave the partner in this program (one of the two). */
    partnerKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
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
    z.refine((body) => (body.partnerId === undefined) !== (body.partnerKey === undefined), {
      message: 'give exactly one of partnerId or partnerKey',
      path: ['partnerId'],
    }),
  )
  .register(z.globalRegistry, { id: 'CreatePartnerSessionRequest' });

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
