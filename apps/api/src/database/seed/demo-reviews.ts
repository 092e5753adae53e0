import type { DataSource } from 'typeorm';

const DAY = 86_400_000;

/** Demo comments, French first (the demo towns are French). */
const COMMENTS: Record<number, string[]> = {
  5: [
    'Très arrangeant, objet en parfait état. Merci !',
    'Rendez-vous ponctuel, échange très agréable.',
    'Super voisin, je recommande.',
    'Rendu propre et à l’heure, parfait.',
  ],
  4: ['Tout s’est bien passé, petit retard sans gravité.', 'Bon contact, merci pour le prêt.'],
  3: ['Correct, mais il a fallu relancer pour le retour.'],
};

/**
 * Pairs `[owner, borrower, rating given to the borrower, rating given to the owner, late?]`
 * over the residents' indices. Resident 0 (printed by `npm start`) is a veteran with many
 * reviews; resident 1 a newcomer with a single 5★, so the two profiles show how the score
 * shrinks thin records toward the town's prior.
 */
const PAIRS: Array<[number, number, number, number, boolean]> = [
  [0, 2, 5, 5, false],
  [0, 3, 5, 5, false],
  [0, 4, 4, 5, true],
  [0, 5, 5, 5, false],
  [0, 6, 5, 4, false],
  [0, 7, 5, 5, false],
  [2, 0, 5, 5, false],
  [3, 0, 5, 5, false],
  [1, 8, 5, 5, false],
  [4, 9, 3, 4, true],
  [5, 10, 5, 4, false],
  [6, 11, 4, 5, false],
];

/**
 * Completed loans between demo residents with both reviews revealed, so profiles show real
 * scores and reliability figures. Idempotent: a town with any completed exchange is left as is.
 */
export async function seedDemoReviews(
  ds: DataSource,
  townId: string,
  residents: ReadonlyArray<{ id: string }>,
  now = new Date(),
): Promise<number> {
  const [{ n }] = await ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM exchanges e JOIN users u ON u.id = e.owner_id
      WHERE u.municipality_id = $1 AND e.status = 'completed'`,
    [townId],
  );
  if (n > 0) return 0;
  let made = 0;
  for (const [i, [o, r, toBorrower, toOwner, late]] of PAIRS.entries()) {
    const owner = residents[o];
    const borrower = residents[r];
    if (!owner || !borrower || owner.id === borrower.id) continue;
    const [listing] = await ds.query<Array<{ id: string }>>(
      `SELECT id FROM listings WHERE owner_id = $1 AND kind = 'lend' ORDER BY created_at, id LIMIT 1`,
      [owner.id],
    );
    if (!listing) continue;
    // Weeks ago, one after the other, so no two loans of a listing share dates.
    const start = new Date(now.getTime() - (120 - i * 8) * DAY);
    const end = new Date(start.getTime() + 3 * DAY);
    const returned = new Date(end.getTime() + (late ? DAY : -DAY / 2));
    const completed = new Date(returned.getTime() + DAY / 4);
    await ds.transaction(async (m) => {
      const [conv] = await m.query<Array<{ id: string }>>(
        `INSERT INTO conversations (kind, listing_id, created_at, updated_at)
         VALUES ('exchange', $1, $2, $2) RETURNING id`,
        [listing.id, start],
      );
      await m.query(
        `INSERT INTO conversation_participants (conversation_id, user_id) VALUES ($1, $2), ($1, $3)`,
        [conv!.id, owner.id, borrower.id],
      );
      const [ex] = await m.query<Array<{ id: string }>>(
        `INSERT INTO exchanges (kind, status, listing_id, owner_id, requester_id, period, held,
                                conversation_id, returned_late, accepted_at, handed_over_at,
                                returned_at, completed_at, created_at, updated_at)
         VALUES ('loan', 'completed', $1, $2, $3, tstzrange($4, $5), tstzrange($4, $5), $6, $7,
                 $4, $4, $8, $9, $4, $9)
         RETURNING id`,
        [listing.id, owner.id, borrower.id, start, end, conv!.id, late, returned, completed],
      );
      const revealed = new Date(completed.getTime() + DAY);
      const comment = (rating: number, k: number) => {
        const list = COMMENTS[rating];
        return list ? (list[k % list.length] ?? null) : null;
      };
      await m.query(
        `INSERT INTO reviews (exchange_id, author_id, author_role, subject_id, rating, comment, revealed_at, created_at)
         VALUES ($1, $2, 'owner', $3, $4, $5, $8, $9), ($1, $3, 'requester', $2, $6, $7, $8, $8)`,
        [
          ex!.id,
          owner.id,
          borrower.id,
          toBorrower,
          comment(toBorrower, i),
          toOwner,
          comment(toOwner, i + 1),
          revealed,
          new Date(completed.getTime() + DAY / 2),
        ],
      );
    });
    made++;
  }
  return made;
}
