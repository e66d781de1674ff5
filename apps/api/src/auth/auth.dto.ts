import { z } from 'zod/mini';
import { isoDateTimeSchema } from '../common/validation/common-schemas';
import { companySchema } from '../companies/companies.dto';
import { displayNameSchema, emailSchema, passwordSchema, userRoleSchema } from './account-schemas';
import { userSchema } from './users.dto';

export const signUpBody = z
  .object({
    companyName: displayNameSchema,
    name: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
  })
  .register(z.globalRegistry, { id: 'SignUpRequest' });

export const signInBody = z
  .object({
    email: emailSchema,
    // No length rule here: a sign-in with a short password is just a wrong password.
    password: z.string().check(z.maxLength(1024)),
  })
  .register(z.globalRegistry, { id: 'SignInRequest' });

export const acceptInvitationBody = z
  .object({
    token: z.string().check(z.minLength(1), z.maxLength(200)),
    name: displayNameSchema,
    password: passwordSchema,
  })
  .register(z.globalRegistry, { id: 'AcceptInvitationRequest' });

export const invitationTokenQuery = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** Who is signed in, and the token the admin app echoes as `X-CSRF-Token` on every write. */
export const authSessionSchema = z
  .object({
    user: userSchema,
    company: companySchema,
    role: userRoleSchema,
    csrfToken: z.string(),
    expiresAt: isoDateTimeSchema,
  })
  .register(z.globalRegistry, { id: 'AuthSession' });

export type AuthSessionDto = z.infer<typeof authSessionSchema>;

/** What the accept-invite page shows before the person sets a password. */
export const invitationPreviewSchema = z
  .object({
    email: z.string(),
    role: userRoleSchema,
    companyName: z.string(),
    invitedByName: z.nullable(z.string()),
    expiresAt: isoDateTimeSchema,
  })
  .register(z.globalRegistry, { id: 'InvitationPreview' });

export type InvitationPreviewDto = z.infer<typeof invitationPreviewSchema>;
