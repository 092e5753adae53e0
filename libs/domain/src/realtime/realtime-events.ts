import type { MessageView } from '../conversations/conversation.schema';
import type { ExchangeView } from '../exchanges/exchange.schema';
import type { NotificationView } from '../notifications/notification.schema';
import type { ErrorCode } from '../shared/domain-error';

/**
 * The one realtime event map (DESIGN.md §4 "Realtime"), used by the API's gateway and emitter and
 * by the web's socket: an event renamed or reshaped on one side fails to compile on the other.
 * Payloads are ids and small views, never exact points.
 */

/** `notification`: a new notification of mine (unread, so the event carries no `readAt`). */
export type NotificationEvent = Omit<NotificationView, 'readAt'> & { readAt?: string | null };

/** `exchange.updated`: one of my exchanges moved to `status`. */
export type ExchangeUpdatedEvent = Pick<ExchangeView, 'id' | 'status'>;

/** What the server pushes, keyed by event name (socket.io's `ServerToClientEvents`). */
export interface ServerToClientEvents {
  notification: (event: NotificationEvent) => void;
  /** To `user:<id>` of every participant and to `conversation:<id>`, once per socket. */
  message: (message: MessageView) => void;
  'exchange.updated': (event: ExchangeUpdatedEvent) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

/** The payload of server event `E`. */
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The answer to every client event, through the socket.io acknowledgement. An error carries a
 * stable code from the API's error list (`VALIDATION_FAILED`, `RATE_LIMITED`, …), never a bare
 * "Internal server error".
 */
export type RealtimeAck = { status: 'ok' } | RealtimeErrorAck;

export interface RealtimeErrorAck {
  status: 'error';
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** With `RATE_LIMITED`: seconds before the next event is accepted. */
  retryAfterSeconds?: number;
}

/** `conversation.join` payload: see `joinConversationSchema`. */
export interface JoinConversationPayload {
  conversationId: string;
}

/** What a client may send (socket.io's `ClientToServerEvents`); each answers with a `RealtimeAck`. */
export interface ClientToServerEvents {
  /**
   * Follows one conversation live: the server puts the socket in `conversation:<id>` after an
   * access check (a participant today). A participant needs no join: their `user:<id>` room
   * already receives every message of their conversations.
   */
  'conversation.join': (
    payload: JoinConversationPayload,
    ack: (result: RealtimeAck) => void,
  ) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
