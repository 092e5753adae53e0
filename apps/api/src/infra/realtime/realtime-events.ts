import type { ClientToServerEvents, ServerToClientEvents } from '@partagora/domain';
import type { Server, Socket } from 'socket.io';
import type { Principal } from '../../common/auth/principal';

/**
 * The event map itself is shared with the web (`@partagora/domain`, realtime-events.ts); this file
 * adds what only the server knows: the socket's data and the room names.
 */
export interface SocketData {
  principal: Principal;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Rooms are chosen by the server only. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
