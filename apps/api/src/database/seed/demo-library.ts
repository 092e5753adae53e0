import { randomBytes, randomUUID } from 'node:crypto';
import { Algorithm, hash } from '@node-rs/argon2';
import {
  type LibraryHours,
  type ListingCategory,
  type MunicipalitySettings,
  openingsBetween,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import type { DataSource, EntityManager } from 'typeorm';
import type { LocationPrivacyService } from '../../common/location/location-privacy.service';

/** Wednesday 14–18 and Saturday 10–12 (Europe/Paris), as many French bricothèques. */
export const DEMO_LIBRARY_HOURS: LibraryHours = {
  slots: [
    { weekday: 3, opens: '14:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '12:00' },
  ],
  closures: [],
};

const ITEMS: ReadonlyArray<{ title: string; category: ListingCategory; description: string }> = [
  {
    title: 'Perceuse à percussion',
    category: 'tools',
    description: 'Avec coffret de forets béton, bois et métal.',
  },
  { title: 'Scie sauteuse', category: 'tools', description: 'Lames bois et métal fournies.' },
  {
    title: 'Échelle télescopique 3,8 m',
    category: 'tools',
    description: 'Aluminium, se range dans un coffre.',
  },
  {
    title: 'Nettoyeur haute pression',
    category: 'garden',
    description: 'Pour terrasses, façades et vélos.',
  },
  {
    title: 'Tondeuse électrique',
    category: 'garden',
    description: 'Largeur de coupe 38 cm, bac de ramassage.',
  },
  {
    title: 'Taille-haie',
    category: 'garden',
    description: 'Sur batterie, deux batteries chargées.',
  },
  { title: 'Ponceuse orbitale', category: 'tools', description: 'Avec un jeu d’abrasifs.' },
  {
    title: 'Décolleuse à papier peint',
    category: 'household',
    description: 'Vapeur, réservoir 4 L.',
  },
  { title: 'Shampouineuse moquette', category: 'household', description: 'Produit non fourni.' },
  { title: 'Scarificateur', category: 'garden', description: 'Redonne de l’air aux pelouses.' },
  { title: 'Diable de manutention', category: 'mobility', description: 'Charge jusqu’à 150 kg.' },
  {
    title: 'Appareil à raclette (8 personnes)',
    category: 'party',
    description: 'Pour les fêtes de quartier.',
  },
];

const DAY = 86_400_000;
const BUFFER_H = 2;

async function loan(
  m: EntityManager,
  l: {
    listingId: string;
    ownerId: string;
    requesterId: string;
    start: Date;
    end: Date;
    status: 'accepted' | 'handed_over' | 'overdue' | 'completed';
  },
): Promise<void> {
  const [conv] = await m.query<Array<{ id: string }>>(
    `INSERT INTO conversations (kind, listing_id, created_at, updated_at) VALUES ('exchange', $1, $2, $2) RETURNING id`,
    [l.listingId, new Date(l.start.getTime() - 3 * DAY)],
  );
  await m.query(
    `INSERT INTO conversation_participants (conversation_id, user_id) VALUES ($1, $2), ($1, $3)`,
    [conv!.id, l.ownerId, l.requesterId],
  );
  const handed = l.status !== 'accepted';
  const done = l.status === 'completed';
  await m.query(
    `INSERT INTO exchanges (kind, status, listing_id, owner_id, requester_id, period, held, conversation_id,
                            accepted_at, handed_over_at, returned_at, completed_at, created_at, updated_at)
     VALUES ('loan', $1, $2, $3, $4, tstzrange($5, $6), tstzrange($5, $7), $8,
             $9, $10, $11, $11, $9, now())`,
    [
      l.status,
      l.listingId,
      l.ownerId,
      l.requesterId,
      l.start,
      l.end,
      new Date(l.end.getTime() + BUFFER_H * 3_600_000),
      conv!.id,
      new Date(l.start.getTime() - 3 * DAY),
      handed ? l.start : null,
      done ? l.end : null,
    ],
  );
}

/**
 * Each demo town's town hall runs a bricothèque: opening slots, a dozen items at the town hall's
 * public address (auto-accepted loans), completed loans, one under way, one overdue and one to
 * pick up at the next opening; in `assistedResident` towns, one resident helped by the desk.
 * Idempotent: a town hall that already lends items is left as it is.
 */
export async function seedDemoLibrary(
  ds: DataSource,
  town: { slug: string; name: string; centre: LatLng },
  townId: string,
  residentIds: readonly string[],
  opts: {
    privacy: LocationPrivacyService;
    settings: MunicipalitySettings;
    assistedResident: boolean;
  },
): Promise<number> {
  const [org] = await ds.query<Array<{ id: string; lat: number; lng: number }>>(
    `SELECT id, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng
       FROM organisations WHERE municipality_id = $1 AND kind = 'town_hall'`,
    [townId],
  );
  const [staff] = await ds.query<Array<{ id: string }>>(`SELECT id FROM users WHERE email = $1`, [
    `mairie@${town.slug}.demo.partagora.fr`,
  ]);
  if (!org || !staff) return 0;
  const [{ n }] = await ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM listings WHERE owner_organisation_id = $1`,
    [org.id],
  );
  if (n > 0) return 0;
  const now = Date.now();
  const past = openingsBetween(DEMO_LIBRARY_HOURS, new Date(now - 70 * DAY), new Date(now - DAY));
  const future = openingsBetween(
    DEMO_LIBRARY_HOURS,
    new Date(now),
    new Date(now + 21 * DAY),
  ).filter((o) => o.start.getTime() > now);
  const at = (d: Date, min: number) => new Date(d.getTime() + min * 60_000);
  let created = 0;
  await ds.transaction(async (m) => {
    await m.query(
      `UPDATE organisations SET address = $2 WHERE id = $1 AND address LIKE 'Mairie, %'`,
      [org.id, `Mairie de ${town.name}, accueil de la bricothèque`],
    );
    await m.query(
      `INSERT INTO library_settings (organisation_id, slots, closures) VALUES ($1, $2, '[]') ON CONFLICT DO NOTHING`,
      [org.id, JSON.stringify(DEMO_LIBRARY_HOURS.slots)],
    );
    const ids: string[] = [];
    for (const item of ITEMS) {
      const [row] = await m.query<Array<{ id: string }>>(
        `INSERT INTO listings (owner_id, owner_organisation_id, municipality_id, kind, category, title, description,
                               condition, exact_point, public_point, loan_max_days, loan_buffer_hours, deposit_note, auto_accept)
         VALUES ($1, $2, $3, 'lend', $4, $5, $6, 'good', ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography,
                 ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography, 7, $9, 'Chèque de caution de 50 € (non encaissé)', true)
         RETURNING id`,
        [
          staff.id,
          org.id,
          townId,
          item.category,
          item.title,
          item.description,
          org.lng,
          org.lat,
          BUFFER_H,
        ],
      );
      ids.push(row!.id);
      created++;
    }
    const borrower = (i: number) => residentIds[(i * 5 + 3) % residentIds.length]!;
    // Completed loans: Wednesday pick-up, Saturday return, over the past weeks.
    for (let i = 0; i + 1 < past.length - 2 && i < 10; i += 2) {
      await loan(m, {
        listingId: ids[i % 6]!,
        ownerId: staff.id,
        requesterId: borrower(i),
        start: at(past[i]!.start, 30),
        end: at(past[i + 1]!.start, 45),
        status: 'completed',
      });
    }
    const lastPast = past[past.length - 1];
    const next = future[0];
    const after = future[1];
    if (lastPast && next) {
      // Out now, back at the next opening.
      await loan(m, {
        listingId: ids[6]!,
        ownerId: staff.id,
        requesterId: borrower(20),
        start: at(lastPast.start, 20),
        end: at(next.start, 60),
        status: 'handed_over',
      });
    }
    if (past.length >= 3) {
      // Should have come back at the opening before last: overdue.
      await loan(m, {
        listingId: ids[7]!,
        ownerId: staff.id,
        requesterId: borrower(21),
        start: at(past[past.length - 3]!.start, 30),
        end: at(past[past.length - 2]!.start, 60),
        status: 'overdue',
      });
    }
    if (next && after) {
      await loan(m, {
        listingId: ids[8]!,
        ownerId: staff.id,
        requesterId: borrower(22),
        start: at(next.start, 30),
        end: at(after.start, 30),
        status: 'accepted',
      });
    }
    if (opts.assistedResident && next) {
      const id = randomUUID();
      const home = { lat: town.centre.lat + 0.003, lng: town.centre.lng - 0.004 };
      const pub = opts.privacy.homePublicPoint(id, home, opts.settings);
      const passwordHash = await hash(randomBytes(32).toString('base64url'), {
        algorithm: Algorithm.Argon2id,
      });
      await m.query(
        `INSERT INTO users (id, email, password_hash, display_name, municipality_id, home_point, home_public_point)
         VALUES ($1, $2, $3, 'Jeanne Le Goff', $4, ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography,
                 ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography)`,
        [
          id,
          `${id}@assisted.partagora.invalid`,
          passwordHash,
          townId,
          home.lng,
          home.lat,
          pub.lng,
          pub.lat,
        ],
      );
      await m.query(
        `INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, 'resident')`,
        [id, townId],
      );
      await m.query(
        `INSERT INTO assisted_residents (user_id, municipality_id, consent_at, consent_by) VALUES ($1, $2, now(), $3)`,
        [id, townId, staff.id],
      );
      await loan(m, {
        listingId: ids[9]!,
        ownerId: staff.id,
        requesterId: id,
        start: at(next.start, 60),
        end: at(after?.start ?? next.end, after ? 60 : 0),
        status: 'accepted',
      });
    }
  });
  return created;
}
