import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { MESSAGE_MAX } from '../exchanges/exchange.schema';

export const postMessageSchema = z.strictObject({
  body: z.string().trim().min(1).max(MESSAGE_MAX),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

/** `POST /listings/:id/conversations`: a question about a listing, before any request. */
export const askQuestionSchema = z.strictObject({
  body: z.string().trim().min(1).max(MESSAGE_MAX),
});
export type AskQuestionInput = z.infer<typeof askQuestionSchema>;

/** `POST /conversations/:id/read`: I have read up to `seq` (capped at the last message). */
export const markConversationReadSchema = z.strictObject({
  seq: z.number().int().min(0).max(2_147_483_647),
});
export type MarkConversationReadInput = z.infer<typeof markConversationReadSchema>;

/** `GET /conversations`: mine, most recently updated first. */
export const conversationsQuerySchema = z.strictObject({
  cursor: cursorQuerySchema.optional(),
  limit: pageLimitSchema.optional(),
});
export type ConversationsQuery = z.infer<typeof conversationsQuerySchema>;

/** socket.io `conversation.join` payload (`JoinConversationPayload` in the realtime event map). */
export const joinConversationSchema = z.strictObject({ conversationId: z.uuid() });

export const messagesQuerySchema = z.strictObject({
  /** Resync: messages with a sequence number above this one. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.string(),
  /** Hidden by the town's moderators: `body` is empty and the parties see it as removed. */
  removed: z.boolean().optional(),
  /** The author erased their account: the body is empty, the message keeps its place. */
  erased: z.boolean().optional(),
});
export type MessageView = z.infer<typeof messageSchema>;

export const CONVERSATION_KINDS = ['exchange', 'question'] as const;

export const conversationSchema = z.object({
  id: z.string(),
  /** `exchange`: the parties of `exchangeId`; `question`: about the listing, before any request. */
  kind: z.enum(CONVERSATION_KINDS),
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
