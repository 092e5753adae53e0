import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { EMAIL_MODES, NOTIFICATION_KINDS } from './notification';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Ids and display texts only: never an exact address. */
  data: z.record(z.string(), z.unknown()),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationsQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  cursor: cursorQuerySchema.optional(),
  limit: pageLimitSchema.optional(),
});

export const markReadSchema = z.strictObject({
  /** Ids to mark read; omitted: all of mine. */
  ids: z.array(z.uuid()).max(500).optional(),
});

const channelSchema = z.strictObject({ inApp: z.boolean(), email: z.enum(EMAIL_MODES) });

export const notificationPreferencesSchema = z.partialRecord(
  z.enum(NOTIFICATION_KINDS),
  channelSchema,
);
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/** `GET /me/notification-preferences` and the answer to `PUT`: every kind, defaults filled in. */
export const notificationPreferencesViewSchema = z.record(
  z.enum(NOTIFICATION_KINDS),
  channelSchema,
);

/** `GET /notifications`: newest first, with how many in-app notifications are unread. */
export const notificationsPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationsPage = z.infer<typeof notificationsPageSchema>;
