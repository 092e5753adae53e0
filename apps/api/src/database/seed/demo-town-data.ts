import { gridCellId } from '@partagora/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { DemoTown } from './demo-data';

const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32), so every seed run makes the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoInitiative {
  name: string;
  practice: string;
  description: string;
  /** Offset from the town centre, degrees. */
  dLat: number;
  dLng: number;
  url?: string;
}

const INITIATIVES: Record<string, DemoInitiative[]> = {
  dinan: [
    {
      name: 'Repair café des Cordeliers',
      practice: 'repair-cafe',
      description:
        'Un samedi par mois, des bénévoles aident à réparer petit électroménager, vélos et vêtements.',
      dLat: 0.0012,
      dLng: 0.0015,
    },
    {
      name: 'Jardin partagé de la Fontaine-des-Eaux',
      practice: 'shared-garden',
      description:
        'Parcelles collectives et compost de quartier, ouvert à tous le mercredi après-midi.',
      dLat: 0.0068,
      dLng: 0.0072,
    },
    {
      name: 'AMAP du pays de Dinan',
      practice: 'amap',
      description: 'Paniers de légumes bio d’un maraîcher de Léhon, distribution le jeudi soir.',
      dLat: -0.0041,
      dLng: -0.0052,
    },
    {
      name: 'Fablab de la Rance',
      practice: 'fablab',
      description: 'Imprimantes 3D, découpe laser et atelier bois, avec des créneaux d’initiation.',
      dLat: 0.0031,
      dLng: -0.0094,
    },
    {
      name: 'Aire de covoiturage de la gare',
      practice: 'carpooling',
      description:
        'Trente places et un abri vélo pour partager les trajets vers Rennes et Saint-Malo.',
      dLat: -0.0024,
      dLng: 0.0061,
    },
    {
      name: 'Ressourcerie des remparts',
      practice: 'donation',
      description: 'Dépôt et vente à petit prix d’objets réemployés.',
      dLat: 0.0052,
      dLng: -0.0021,
    },
    {
      name: 'Système d’échange local de Dinan',
      practice: 'time-bank',
      description: 'Une heure de service rendue vaut une heure reçue, quel que soit le service.',
      dLat: -0.0063,
      dLng: 0.0008,
    },
  ],
  thomery: [
    {
      name: 'Repair café de Thomery',
      practice: 'repair-cafe',
      description: 'Réparations accompagnées à la salle des fêtes, le premier samedi du mois.',
      dLat: 0.0009,
      dLng: -0.0011,
    },
    {
      name: 'Jardins partagés des treilles',
      practice: 'shared-garden',
      description: 'Des parcelles le long des murs à chasselas, cultivées ensemble.',
      dLat: 0.0061,
      dLng: 0.0083,
    },
    {
      name: 'AMAP des bords de Seine',
      practice: 'amap',
      description: 'Légumes, œufs et pain d’agriculteurs à moins de 30 km.',
      dLat: -0.0052,
      dLng: 0.0047,
    },
    {
      name: 'Coworking de la mairie',
      practice: 'coworking',
      description: 'Six postes de travail et une salle de réunion à réserver.',
      dLat: 0.0004,
      dLng: 0.0022,
    },
    {
      name: 'Aire de covoiturage de By',
      practice: 'carpooling',
      description: 'Départs vers Fontainebleau et Melun, à côté de l’arrêt de bus.',
      dLat: 0.0083,
      dLng: -0.0102,
    },
    {
      name: 'Vide-grenier du village',
      practice: 'second-hand',
      description: 'Chaque printemps dans les rues du centre.',
      dLat: -0.0018,
      dLng: -0.0042,
    },
    {
      name: 'Conseil citoyen',
      practice: 'participatory-democracy',
      description: 'Les habitants proposent et votent des projets pour la commune.',
      dLat: -0.0071,
      dLng: -0.0013,
    },
  ],
};

const NEIGHBOURHOODS: Record<string, [string, string, string, string]> = {
  // North-east, south-east, south-west, north-west of the centre.
  dinan: ['Le Port', 'Léhon', 'La Ville-Ameline', 'Saint-Sauveur'],
  thomery: ['Les Treilles', 'Bords de Seine', 'Effondré', 'By'],
};

interface SeedListing {
  id: string;
  owner_id: string;
  kind: 'lend' | 'give' | 'barter' | 'wanted';
  category: string;
  lat: number;
  lng: number;
}

async function insertCompleted(
  m: EntityManager,
  e: {
    kind: 'loan' | 'gift' | 'swap' | 'answer';
    listingId: string;
    ownerId: string;
    requesterId: string;
    start: Date;
    completed: Date;
  },
): Promise<void> {
  const [conv] = await m.query<Array<{ id: string }>>(
    `INSERT INTO conversations (kind, listing_id, created_at, updated_at) VALUES ('exchange', $1, $2, $2) RETURNING id`,
    [e.listingId, e.start],
  );
  await m.query(
    `INSERT INTO conversation_participants (conversation_id, user_id) VALUES ($1, $2), ($1, $3)`,
    [conv!.id, e.ownerId, e.requesterId],
  );
  const loan = e.kind === 'loan';
  const end = new Date(e.completed.getTime() - DAY / 4);
  await m.query(
    `INSERT INTO exchanges (kind, status, listing_id, owner_id, requester_id, period, held, conversation_id,
                            accepted_at, handed_over_at, returned_at, completed_at, created_at, updated_at)
     VALUES ($1, 'completed', $2, $3, $4,
             CASE WHEN $9 THEN tstzrange($5, $6) END, CASE WHEN $9 THEN tstzrange($5, $6) END, $7,
             $5, $5, CASE WHEN $9 THEN $6::timestamptz END, $8, $5, $8)`,
    [e.kind, e.listingId, e.ownerId, e.requesterId, e.start, end, conv!.id, e.completed, loan],
  );
}

/**
 * The demo towns' collaborative life for the impact dashboard and open data: initiatives from
 * several practices, four neighbourhoods, and eight months of completed exchanges, some
 * listings busy enough (a drill lent every week) that cells reach the open-data minimum.
 * Idempotent: initiatives and neighbourhoods by name, the history only once per town.
 */
export async function seedDemoTownData(
  ds: DataSource,
  town: DemoTown,
  townId: string,
  residentIds: readonly string[],
  now = new Date(),
): Promise<{ initiatives: number; exchanges: number }> {
  let initiatives = 0;
  for (const i of INITIATIVES[town.slug] ?? []) {
    const added = await ds.query<unknown[]>(
      `INSERT INTO initiatives (municipality_id, name, practice, description, location, url)
       SELECT $1::uuid, $2::text, $3::text, $4::text, ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7::text
        WHERE NOT EXISTS (SELECT 1 FROM initiatives WHERE municipality_id = $1::uuid AND name = $2::text)
       RETURNING id`,
      [
        townId,
        i.name,
        i.practice,
        i.description,
        town.centre.lng + i.dLng,
        town.centre.lat + i.dLat,
        i.url ?? null,
      ],
    );
    initiatives += added.length;
  }
  const names = NEIGHBOURHOODS[town.slug];
  if (names) {
    const { lat, lng } = town.centre;
    const quadrants: Array<[number, number, number, number]> = [
      [lng, lat, lng + 1, lat + 1],
      [lng, lat - 1, lng + 1, lat],
      [lng - 1, lat - 1, lng, lat],
      [lng - 1, lat, lng, lat + 1],
    ];
    for (const [k, name] of names.entries()) {
      const [w, s, e, n] = quadrants[k]!;
      await ds.query(
        `INSERT INTO municipality_neighbourhoods (municipality_id, name, boundary)
         SELECT id, $2, ST_Multi(ST_CollectionExtract(ST_Intersection(boundary, ST_MakeEnvelope($3, $4, $5, $6, 4326)), 3))
           FROM municipalities WHERE id = $1
         ON CONFLICT (municipality_id, name) DO NOTHING`,
        [townId, name, w, s, e, n],
      );
    }
  }

  const [{ n }] = await ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM exchanges e JOIN listings l ON l.id = e.listing_id
      WHERE l.municipality_id = $1 AND e.status = 'completed'`,
    [townId],
  );
  // The reviews seed makes a dozen; this history adds a few hundred.
  if (n >= 60 || residentIds.length < 3) return { initiatives, exchanges: 0 };
  const listings = await ds.query<SeedListing[]>(
    `SELECT l.id, l.owner_id, l.kind, l.category,
            ST_Y(l.public_point::geometry) AS lat, ST_X(l.public_point::geometry) AS lng
       FROM listings l WHERE l.municipality_id = $1 AND l.status = 'available' AND l.owner_id = ANY($2)
      ORDER BY l.created_at, l.id`,
    [townId, residentIds],
  );
  const rnd = prng(7000 + town.inseeCode.charCodeAt(0) + Number(town.inseeCode.slice(-3)));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const borrowerFor = (ownerId: string) => {
    for (;;) {
      const id = pick(residentIds);
      if (id !== ownerId) return id;
    }
  };
  // Busy groups: lend listings of one category in one open-data cell, biggest first.
  const groups = new Map<string, SeedListing[]>();
  for (const l of listings.filter((x) => x.kind === 'lend')) {
    const key = `${l.category}|${gridCellId(l)}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const busy = [...groups.values()].sort((a, b) => b.length - a.length).slice(0, 4);
  const lends = listings.filter((x) => x.kind === 'lend');
  const gives = listings.filter((x) => x.kind === 'give');
  const barters = listings.filter((x) => x.kind === 'barter');
  const wanted = listings.filter((x) => x.kind === 'wanted');
  const given = new Set<string>();
  let exchanges = 0;
  await ds.transaction(async (m) => {
    for (let back = 8; back >= 1; back--) {
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 9));
      const at = (day: number) =>
        new Date(monthStart.getTime() + day * DAY + Math.floor(rnd() * 8) * 3_600_000);
      for (const [g, group] of busy.entries()) {
        const count = 5 + ((back + g) % 4);
        for (let j = 0; j < count; j++) {
          const l = group[j % group.length]!;
          const start = at(j * 3);
          await insertCompleted(m, {
            kind: 'loan',
            listingId: l.id,
            ownerId: l.owner_id,
            requesterId: borrowerFor(l.owner_id),
            start,
            completed: new Date(start.getTime() + 2 * DAY + DAY / 2),
          });
          exchanges++;
        }
      }
      for (let j = 0; j < 4 && lends.length > 0; j++) {
        const l = pick(lends);
        const start = at(2 + j * 6);
        await insertCompleted(m, {
          kind: 'loan',
          listingId: l.id,
          ownerId: l.owner_id,
          requesterId: borrowerFor(l.owner_id),
          start,
          completed: new Date(start.getTime() + 3 * DAY),
        });
        exchanges++;
      }
      for (let j = 0; j < 3; j++) {
        const l = gives.find((x) => !given.has(x.id));
        if (!l) break;
        given.add(l.id);
        const start = at(4 + j * 7);
        await insertCompleted(m, {
          kind: 'gift',
          listingId: l.id,
          ownerId: l.owner_id,
          requesterId: borrowerFor(l.owner_id),
          start,
          completed: new Date(start.getTime() + DAY),
        });
        exchanges++;
      }
      for (const [kind, pool] of [
        ['swap', barters],
        ['answer', wanted],
      ] as const) {
        if (pool.length === 0) continue;
        const l = pick(pool);
        const start = at(10 + Math.floor(rnd() * 10));
        await insertCompleted(m, {
          kind,
          listingId: l.id,
          ownerId: l.owner_id,
          requesterId: borrowerFor(l.owner_id),
          start,
          completed: new Date(start.getTime() + DAY),
        });
        exchanges++;
      }
    }
    if (given.size > 0) {
      await m.query(`UPDATE listings SET status = 'given' WHERE id = ANY($1)`, [[...given]]);
    }
  });
  return { initiatives, exchanges };
}
