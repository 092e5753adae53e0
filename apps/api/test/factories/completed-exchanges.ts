import type { DataSource } from 'typeorm';

const DAY = 86_400_000;

/**
 * A finished exchange straight in the tables (conversation, participants, exchange), as the demo
 * seed writes its history: for impact and open-data suites that control every date and point.
 */
export async function insertCompletedExchange(
  ds: DataSource,
  e: {
    kind: 'loan' | 'gift' | 'swap' | 'answer';
    listingId: string;
    ownerId: string;
    requesterId: string;
    completedAt: Date;
    status?: 'completed' | 'cancelled' | 'declined';
  },
): Promise<string> {
  const start = new Date(e.completedAt.getTime() - 3 * DAY);
  const end = new Date(e.completedAt.getTime() - DAY / 4);
  const [conv] = await ds.query<Array<{ id: string }>>(
    `INSERT INTO conversations (kind, listing_id, created_at, updated_at) VALUES ('exchange', $1, $2, $2) RETURNING id`,
    [e.listingId, start],
  );
  await ds.query(
    `INSERT INTO conversation_participants (conversation_id, user_id) VALUES ($1, $2), ($1, $3)`,
    [conv!.id, e.ownerId, e.requesterId],
  );
  const status = e.status ?? 'completed';
  const [row] = await ds.query<Array<{ id: string }>>(
    `INSERT INTO exchanges (kind, status, listing_id, owner_id, requester_id, period, held, conversation_id,
                            accepted_at, handed_over_at, returned_at, completed_at, created_at, updated_at)
     VALUES ($1::text, $9::text, $2, $3, $4,
             CASE WHEN $1::text = 'loan' THEN tstzrange($5, $6) END, CASE WHEN $1::text = 'loan' THEN tstzrange($5, $6) END, $7,
             $5, $5, CASE WHEN $1::text = 'loan' THEN $6::timestamptz END, CASE WHEN $9::text = 'completed' THEN $8::timestamptz END, $5, $8)
     RETURNING id`,
    [e.kind, e.listingId, e.ownerId, e.requesterId, start, end, conv!.id, e.completedAt, status],
  );
  return row!.id;
}
