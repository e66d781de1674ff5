import { z } from 'zod/mini';
import { pageQueryShape } from '../common/pagination/cursor';
import { uuidSchema } from '../common/validation/common-schemas';

export const MESSAGE_MAX_LENGTH = 10_000;
export const SUBJECT_MAX_LENGTH = 200;

const bodySchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'write a message'), z.maxLength(MESSAGE_MAX_LENGTH));

export const createMessageThreadBody = z
  .strictObject({
    subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(SUBJECT_MAX_LENGTH)),
    body: bodySchema,
    /** Optional: the lead the conversation is about (the partner's own lead). */
    leadId: z.optional(z.nullable(uuidSchema)),
    /** Company callers: the partner to write to, in which program. Ignored for partner sessions. */
    partnerId: z.optional(uuidSchema),
    programId: z.optional(uuidSchema),
  })
  .register(z.globalRegistry, { id: 'CreateMessageThread' });
export type CreateMessageThreadBody = z.infer<typeof createMessageThreadBody>;

export const createMessageBody = z
  .strictObject({ body: bodySchema })
  .register(z.globalRegistry, { id: 'CreateMessage' });
export type CreateMessageBody = z.infer<typeof createMessageBody>;

export const messageSchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    /** Which side wrote it. */
    side: z.enum(['partner', 'company']),
    author: z.object({
      type: z.enum(['user', 'api_key', 'partner']),
      id: z.nullable(z.string()),
      name: z.nullable(z.string()),
    }),
    body: z.string(),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'Message' });
export type MessageDto = z.infer<typeof messageSchema>;

export const messageThreadSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }),
    lead: z.nullable(z.object({ id: z.string(), name: z.string(), email: z.string() })),
    subject: z.string(),
    lastMessageAt: z.string(),
    lastMessage: z.nullable(
      z.object({
        side: z.enum(['partner', 'company']),
        authorName: z.nullable(z.string()),
        excerpt: z.string(),
        createdAt: z.string(),
      }),
    ),
    /** Messages from the other side the caller's side has not read yet. */
    unreadCount: z.int(),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'MessageThread' });
export type MessageThreadDto = z.infer<typeof messageThreadSchema>;

export const messageThreadPageSchema = z
  .object({
    data: z.array(messageThreadSchema),
    nextCursor: z.nullable(z.string()),
    /** Unread messages over all the caller's threads (for a badge). */
    unreadTotal: z.int(),
  })
  .register(z.globalRegistry, { id: 'MessageThreadPage' });
export type MessageThreadPage = z.infer<typeof messageThreadPageSchema>;

export const messagePageSchema = z
  .object({ data: z.array(messageSchema), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'MessagePage' });

export const listMessageThreadsQuery = z.object({
  ...pageQueryShape,
  partnerId: z.optional(uuidSchema),
  programId: z.optional(uuidSchema),
  leadId: z.optional(uuidSchema),
  /** `true`: only threads with unread messages for the caller. */
  unread: z.optional(z.enum(['true', 'false'])),
});
export type ListMessageThreadsQuery = z.infer<typeof listMessageThreadsQuery>;

export const listMessagesQuery = z.object({ ...pageQueryShape });
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;
