import { z } from 'zod';
import { MESSAGE_MAX } from '../exchanges/exchange.schema';

export const postMessageSchema = z.strictObject({
  body: z.string().trim().min(1).max(MESSAGE_MAX),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const messagesQuerySchema = z.strictObject({
  /** Resync: messages with a sequence number above this one. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  listingId: z.string(),
  listingTitle: z.string(),
  exchangeId: z.string().nullable(),
  otherParty: z.object({ id: z.string(), displayName: z.string() }),
  lastSeq: z.number().int(),
  lastMessage: messageSchema.nullable(),
  unread: z.number().int(),
  updatedAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationSchema>;
