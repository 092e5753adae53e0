/** Events the server pushes (DESIGN.md §4); payloads are ids and small views, never exact points. */
export interface ServerToClientEvents {
  notification: (payload: {
    id: string;
    kind: string;
    createdAt: string;
    data: Record<string, unknown>;
  }) => void;
  message: (payload: {
    id: string;
    conversationId: string;
    seq: number;
    authorId: string;
    body: string;
    createdAt: string;
  }) => void;
  'exchange.updated': (payload: { id: string; status: string }) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

/** Answer to `conversation.join`: a non-participant learns nothing about the conversation. */
export type JoinConversationAck = { ok: true } | { ok: false; error: 'CONVERSATION_NOT_FOUND' };

/** Events a client may send; each answers through the socket.io acknowledgement. */
export interface ClientToServerEvents {
  /** Joins `conversation:<id>` after a participation check (messages also reach `user:<id>`). */
  'conversation.join': (
    payload: { conversationId: string },
    ack: (result: JoinConversationAck) => void,
  ) => void;
}

/** Rooms are chosen by the server only. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
