import type { DataSource } from 'typeorm';

/** A few reports per demo town, so the seeded moderator's queue shows something to act on. */
const DEMO_REPORTS: ReadonlyArray<{
  targetType: 'listing' | 'user';
  /** Index of the target among the town's residents (the listing: their oldest one). */
  owner: number;
  reporters: number[];
  reason: string;
  comment: string | null;
}> = [
  // Three distinct reporters: hidden until the moderator decides.
  {
    targetType: 'listing',
    owner: 5,
    reporters: [10, 11, 12],
    reason: 'fraud',
    comment: "Demande un virement avant de montrer l'objet.",
  },
  {
    targetType: 'listing',
    owner: 7,
    reporters: [13],
    reason: 'spam',
    comment: 'La même annonce est publiée tous les jours.',
  },
  {
    targetType: 'user',
    owner: 9,
    reporters: [14, 15],
    reason: 'inappropriate',
    comment: 'Messages insistants après un refus.',
  },
];

/**
 * Idempotent: a town that already has moderation cases is left as it is. Written in SQL like the
 * rest of the seed (what the API would write after these reports: the hidden listing keeps the
 * status it had, to be restored).
 */
export async function seedDemoModeration(
  ds: DataSource,
  townId: string,
  residentIds: readonly string[],
): Promise<number> {
  const [{ n }] = await ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM moderation_cases WHERE municipality_id = $1`,
    [townId],
  );
  if (n > 0) return 0;
  let cases = 0;
  for (const r of DEMO_REPORTS) {
    const ownerId = residentIds[r.owner];
    const reporterIds = r.reporters.map((i) => residentIds[i]).filter((id) => id !== undefined);
    if (!ownerId || reporterIds.length !== r.reporters.length) continue;
    let targetId = ownerId;
    if (r.targetType === 'listing') {
      const [listing] = await ds.query<Array<{ id: string }>>(
        `SELECT id FROM listings WHERE owner_id = $1 AND status = 'available' ORDER BY created_at, id LIMIT 1`,
        [ownerId],
      );
      if (!listing) continue;
      targetId = listing.id;
    }
    const hidden = r.targetType === 'listing' && reporterIds.length >= 3;
    const [c] = await ds.query<[{ id: string }]>(
      `INSERT INTO moderation_cases (municipality_id, target_type, target_id, author_id, hidden, priority, report_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        townId,
        r.targetType,
        targetId,
        ownerId,
        hidden,
        reporterIds.length >= 3,
        reporterIds.length,
      ],
    );
    for (const [i, reporterId] of reporterIds.entries()) {
      await ds.query(
        `INSERT INTO reports (case_id, target_type, target_id, reporter_id, reason, comment)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [c.id, r.targetType, targetId, reporterId, r.reason, i === 0 ? r.comment : null],
      );
    }
    if (hidden) {
      await ds.query(
        `UPDATE listings SET status_before_hidden = status, status = 'hidden' WHERE id = $1 AND status <> 'hidden'`,
        [targetId],
      );
    }
    cases++;
  }
  return cases;
}
