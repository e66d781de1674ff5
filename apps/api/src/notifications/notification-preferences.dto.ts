import { z } from 'zod/mini';
import { localeField } from '../programs/programs.dto';

export const notificationPreferencesSchema = z
  .object({
    lead_stage: z.boolean(),
    import_completed: z.boolean(),
    commission: z.boolean(),
    message: z.boolean(),
    emailLocale: z.nullable(
      localeField(
        'The language the partner chose for emails; null = the program’s default (`programLocale`).',
      ),
    ),
    programLocale: localeField(
      'The program’s default email language, set by the company: what emails are written in while `emailLocale` is null. Read-only.',
    ),
  })
  .register(z.globalRegistry, {
    id: 'NotificationPreferences',
    description:
      'Which emails the partner gets — lead status updates (qualified, won, lost), import results, commission approvals and payouts, new messages; true = subscribed — and in which language.',
  });

export const updateNotificationPreferencesBody = z
  .strictObject({
    lead_stage: z.optional(z.boolean()),
    import_completed: z.optional(z.boolean()),
    commission: z.optional(z.boolean()),
    message: z.optional(z.boolean()),
    emailLocale: z.optional(
      z.nullable(localeField('The language for emails; null returns to the program’s default.')),
    ),
  })
  .register(z.globalRegistry, { id: 'UpdateNotificationPreferences' });

export type NotificationPreferencesDto = z.infer<typeof notificationPreferencesSchema>;
export type UpdateNotificationPreferencesBody = z.infer<typeof updateNotificationPreferencesBody>;
