import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerEventPayload,
  ServerToClientEvents,
} from '@partagora/domain';

/** The server's events (the shared map of `@partagora/domain`), plus the connection's life. */
export type RealtimeHandlers = {
  [E in keyof ServerToClientEvents]: (event: ServerEventPayload<E>) => void;
} & {
  /** Every (re)connection: the first one and each one after a drop. */
  connect: () => void;
  disconnect: () => void;
  /** The server refused the token at the handshake (expired): get a fresh one. */
  unauthorized: () => void;
};

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the one socket.io connection of the signed-in user (same origin, default path
 * `/socket.io`), authenticated with `token` at the handshake. The server puts the socket in the
 * user's room itself, and that room receives every message of my conversations, so the web sends
 * no `conversation.join`. Returns the function that closes it (logout, new token).
 *
 * socket.io-client itself is downloaded here, on the first connection (a visitor who never signs
 * in never loads it); closing before it arrived opens nothing.
 *
 * Tests mock this module, never socket.io itself.
 */
export function openRealtime(token: string, handlers: RealtimeHandlers): () => void {
  let socket: ClientSocket | null = null;
  let closed = false;
  void import('socket.io-client').then(
    ({ io }) => {
      if (closed) return;
      socket = io({ auth: { token }, transports: ['websocket'] });
      listen(socket, handlers);
    },
    () => handlers.disconnect(),
  );
  return () => {
    closed = true;
    socket?.removeAllListeners();
    socket?.disconnect();
  };
}

function listen(socket: ClientSocket, handlers: RealtimeHandlers): void {
  socket.on('connect', () => handlers.connect());
  socket.on('disconnect', () => handlers.disconnect());
  socket.on('connect_error', (err) => {
    // A middleware refusal is final for this socket (socket.io does not retry it).
    if (err.message === 'UNAUTHENTICATED') handlers.unauthorized();
  });
  socket.on('notification', (event) => handlers.notification(event));
  socket.on('message', (event) => handlers.message(event));
  socket.on('exchange.updated', (event) => handlers['exchange.updated'](event));
}
