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

/** Rooms are chosen by the server only. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
