import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema } from '../common/validation/common-schemas';
import { emailSchema, userRoleSchema } from './account-schemas';
import type { Invitation } from './invitation.entity';

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: userRoleSchema,
    status: invitationStatusSchema,
    invitedBy: z.nullable(z.string()),
    expiresAt: isoDateTimeSchema,
    acceptedAt: z.nullable(isoDateTimeSchema),
    revokedAt: z.nullable(isoDateTimeSchema),
    createdAt: isoDateTimeSchema,
  })
  .register(z.globalRegistry, { id: 'Invitation' });

export type InvitationDto = z.infer<typeof invitationSchema>;

/**
 * The create response also carries the accept link once (like an API key), so a company
 * without working email can hand it over another way.
 */
export const createdInvitationSchema = z
  .object({ ...invitationSchema.def.shape, acceptUrl: z.string() })
  .register(z.globalRegistry, { id: 'CreatedInvitation' });

export const invitationPageSchema = pageSchema(invitationSchema).register(z.globalRegistry, {
  id: 'InvitationPage',
});

export const listInvitationsQuery = z.object({
  ...pageQueryShape,
  status: z.optional(invitationStatusSchema),
});

export const createInvitationBody = z
  .object({ email: emailSchema, role: userRoleSchema })
  .register(z.globalRegistry, { id: 'CreateInvitationRequest' });

export function invitationStatus(
  invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}

export function toInvitationDto(invitation: Invitation): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    revokedAt: invitation.revokedAt ? invitation.revokedAt.toISOString() : null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
