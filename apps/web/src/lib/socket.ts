import { io, type Socket } from 'socket.io-client';
import type { ExchangeView, MessageView, NotificationView } from '@partagora/domain';

/** `notification`: a new notification of mine (unread; the event carries no `readAt`). */
export type NotificationEvent = Omit<NotificationView, 'readAt'> & { readAt?: string | null };
/** `exchange.updated`: one of my exchanges moved to `status`. */
export type ExchangeUpdatedEvent = Pick<ExchangeView, 'id' | 'status'>;

/** What the server pushes (DESIGN.md §4), keyed by event name. */
export interface ServerEvents {
  notification: NotificationEvent;
  message: MessageView;
  'exchange.updated': ExchangeUpdatedEvent;
}

export interface RealtimeHandlers {
  notification: (event: NotificationEvent) => void;
  message: (event: MessageView) => void;
  'exchange.updated': (event: ExchangeUpdatedEvent) => void;
  /** Every (re)connection: the first one and each one after a drop. */
  connect: () => void;
  disconnect: () => void;
  /** The server refused the token at the handshake (expired): get a fresh one. */
  unauthorized: () => void;
}

type ClientSocket = Socket<{ [E in keyof ServerEvents]: (payload: ServerEvents[E]) => void }>;

/**
 * Opens the one socket.io connection of the signed-in user (same origin, default path
 * `/socket.io`), authenticated with `token` at the handshake. The server puts the socket in the
 * user's room itself. Returns the function that closes it (logout, new token).
 *
 * Tests mock this module, never socket.io itself.
 */
export function openRealtime(token: string, handlers: RealtimeHandlers): () => void {
  const socket: ClientSocket = io({ auth: { token }, transports: ['websocket'] });
  socket.on('connect', () => handlers.connect());
  socket.on('disconnect', () => handlers.disconnect());
  socket.on('connect_error', (err) => {
    // A middleware refusal is final for this socket (socket.io does not retry it).
    if (err.message === 'UNAUTHENTICATED') handlers.unauthorized();
  });
  socket.on('notification', (event) => handlers.notification(event));
  socket.on('message', (event) => handlers.message(event));
  socket.on('exchange.updated', (event) => handlers['exchange.updated'](event));
  return () => {
    socket.removeAllListeners();
    socket.disconnect();
  };
}
