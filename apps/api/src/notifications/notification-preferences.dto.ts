import { z } from 'zod/mini';

export const notificationPreferencesSchema = z
  .object({
    lead_stage: z.boolean(),
    import_completed: z.boolean(),
    commission: z.boolean(),
    message: z.boolean(),
  })
  .register(z.globalRegistry, {
    id: 'NotificationPreferences',
    description:
      'Which emails the partner gets: lead status updates (qualified, won, lost), import results, commission approvals and payouts, new messages. true = subscribed.',
  });

export const updateNotificationPreferencesBody = z
  .strictObject({
    lead_stage: z.optional(z.boolean()),
    import_completed: z.optional(z.boolean()),
    commission: z.optional(z.boolean()),
    message: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, { id: 'UpdateNotificationPreferences' });

export type NotificationPreferencesDto = z.infer<typeof notificationPreferencesSchema>;
