import type { OpeningHours, OrganisationKind } from '@partagora/domain';
import { type LatLng, destination } from '@partagora/geo';
import type { DataSource } from 'typeorm';
import type { DemoTown } from './demo-data';

interface DemoOrganisation {
  key: string;
  kind: Exclude<OrganisationKind, 'town_hall'>;
  name: string;
  address: string;
  /** Bearing (degrees) and distance (metres) from the town centre. */
  at: [number, number];
  status: 'pending' | 'verified';
  description: string;
  openingHours: OpeningHours | null;
  /** Indexes of the town's demo residents: the first is its admin, the others members. */
  members: number[];
}

interface DemoEvent {
  /** `hall` for the town hall, or the key of one of the town's organisations. */
  organiser: string;
  title: string;
  description: string;
  /** Days from today, local start time, duration in hours. */
  inDays: number;
  at: string;
  hours: number;
  place: { name: string; address: string; at: [number, number] };
  capacity: number | null;
  /** Residents answering, in order (going up to the capacity, then waiting). */
  rsvps: number[];
}

interface DemoTownChannel {
  hall: { address: string; at: [number, number]; openingHours: OpeningHours; description: string };
  organisations: DemoOrganisation[];
  events: DemoEvent[];
}

const WEEKDAY_HOURS = (am: [string, string], pm?: [string, string]) =>
  pm
    ? [
        { opens: am[0], closes: am[1] },
        { opens: pm[0], closes: pm[1] },
      ]
    : [{ opens: am[0], closes: am[1] }];

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

const CHANNELS: Record<string, DemoTownChannel> = {
  dinan: {
    hall: {
      address: "Hôtel de ville, 1 rue de l'Horloge, 22100 Dinan",
      at: [20, 120],
      description:
        "Accueil de la mairie : état civil, urbanisme, inscriptions scolaires. Codes de vérification Partagora à l'accueil.",
      openingHours: {
        monday: WEEKDAY_HOURS(['08:30', '12:00'], ['13:30', '17:30']),
        tuesday: WEEKDAY_HOURS(['08:30', '12:00'], ['13:30', '17:30']),
        wednesday: WEEKDAY_HOURS(['08:30', '12:00'], ['13:30', '17:30']),
        thursday: WEEKDAY_HOURS(['08:30', '12:00'], ['13:30', '17:30']),
        friday: WEEKDAY_HOURS(['08:30', '12:00'], ['13:30', '17:00']),
        saturday: WEEKDAY_HOURS(['09:00', '12:00']),
        closures: ['2026-12-25', '2027-01-01'],
      },
    },
    organisations: [
      {
        key: 'bakery',
        kind: 'shop',
        name: 'Boulangerie des Remparts',
        address: '14 rue de la Lainerie, 22100 Dinan',
        at: [300, 250],
        status: 'verified',
        description: 'Pain au levain, farines bretonnes. Point de retrait des prêts entre voisins.',
        openingHours: {
          tuesday: WEEKDAY_HOURS(['07:00', '13:00'], ['15:30', '19:30']),
          wednesday: WEEKDAY_HOURS(['07:00', '13:00'], ['15:30', '19:30']),
          thursday: WEEKDAY_HOURS(['07:00', '13:00'], ['15:30', '19:30']),
          friday: WEEKDAY_HOURS(['07:00', '13:00'], ['15:30', '19:30']),
          saturday: WEEKDAY_HOURS(['07:00', '19:00']),
          sunday: WEEKDAY_HOURS(['07:30', '12:30']),
        },
        members: [2, 20],
      },
      {
        key: 'bookshop',
        kind: 'shop',
        name: 'Librairie Le Grenier à Livres',
        address: '5 place des Merciers, 22100 Dinan',
        at: [80, 180],
        status: 'verified',
        description:
          'Librairie indépendante : romans, BD, livres jeunesse et rencontres d’auteurs.',
        openingHours: {
          tuesday: WEEKDAY_HOURS(['10:00', '12:30'], ['14:00', '19:00']),
          wednesday: WEEKDAY_HOURS(['10:00', '12:30'], ['14:00', '19:00']),
          thursday: WEEKDAY_HOURS(['10:00', '12:30'], ['14:00', '19:00']),
          friday: WEEKDAY_HOURS(['10:00', '12:30'], ['14:00', '19:00']),
          saturday: WEEKDAY_HOURS(['10:00', '19:00']),
        },
        members: [3],
      },
      {
        key: 'repair',
        kind: 'association',
        name: 'Repair Café de la Rance',
        address: '2 rue du Jerzual, 22100 Dinan',
        at: [140, 600],
        status: 'verified',
        description: 'Des bénévoles réparent avec vous petit électroménager, vélos et vêtements.',
        openingHours: { saturday: WEEKDAY_HOURS(['14:00', '18:00']) },
        members: [4, 21, 22],
      },
      {
        key: 'gardens',
        kind: 'association',
        name: 'Les Jardins Partagés du Jerzual',
        address: '38 rue du Petit Fort, 22100 Dinan',
        at: [160, 800],
        status: 'pending',
        description: 'Parcelles partagées et ateliers de jardinage au naturel.',
        openingHours: null,
        members: [5],
      },
    ],
    events: [
      {
        organiser: 'hall',
        title: 'Conseil municipal',
        description: 'Séance publique. Ordre du jour affiché en mairie et sur le site de la ville.',
        inDays: 3,
        at: '18:30',
        hours: 2,
        place: {
          name: 'Salle du conseil, hôtel de ville',
          address: "1 rue de l'Horloge, 22100 Dinan",
          at: [20, 120],
        },
        capacity: null,
        rsvps: [0, 10, 11],
      },
      {
        organiser: 'hall',
        title: 'Atelier compostage au jardin',
        description: 'Apprenez à composter vos déchets de cuisine. Un composteur offert par foyer.',
        inDays: 6,
        at: '10:00',
        hours: 2,
        place: { name: 'Jardin anglais', address: 'Rue du Rempart, 22100 Dinan', at: [60, 400] },
        capacity: 12,
        rsvps: range(12, 7),
      },
      {
        organiser: 'bookshop',
        title: 'Rencontre-dédicace : polars bretons',
        description:
          'Trois autrices et auteurs de romans policiers bretons présentent leurs livres.',
        inDays: 9,
        at: '17:00',
        hours: 2,
        place: {
          name: 'Librairie Le Grenier à Livres',
          address: '5 place des Merciers, 22100 Dinan',
          at: [80, 180],
        },
        // Full, with a waiting list (the verified demo resident is in it).
        capacity: 5,
        rsvps: [...range(13, 5), 0, 19, 25],
      },
      {
        organiser: 'repair',
        title: 'Repair Café de décembre',
        description: 'Apportez un objet en panne : on cherche la cause et on répare ensemble.',
        inDays: 11,
        at: '14:00',
        hours: 4,
        place: { name: 'Salle Duclos', address: '2 rue du Jerzual, 22100 Dinan', at: [140, 600] },
        capacity: 20,
        rsvps: range(26, 6),
      },
      {
        organiser: 'hall',
        title: 'Balade patrimoine sur les remparts',
        description: 'Visite guidée gratuite des remparts et de la tour de l’Horloge.',
        inDays: 14,
        at: '14:30',
        hours: 2,
        place: {
          name: 'Tour de l’Horloge',
          address: "Rue de l'Horloge, 22100 Dinan",
          at: [10, 150],
        },
        capacity: 25,
        rsvps: range(8, 9),
      },
      {
        organiser: 'bakery',
        title: 'Initiation au pain au levain',
        description: 'Deux heures au fournil pour faire votre levain et repartir avec votre pain.',
        inDays: 17,
        at: '09:30',
        hours: 2,
        place: {
          name: 'Boulangerie des Remparts',
          address: '14 rue de la Lainerie, 22100 Dinan',
          at: [300, 250],
        },
        capacity: 8,
        rsvps: range(30, 4),
      },
      {
        organiser: 'hall',
        title: 'Marché de Noël des créateurs',
        description: 'Artisans et créateurs du pays de Dinan, vin chaud et chorale.',
        inDays: 20,
        at: '10:00',
        hours: 8,
        place: {
          name: 'Place Du Guesclin',
          address: 'Place Du Guesclin, 22100 Dinan',
          at: [250, 200],
        },
        capacity: null,
        rsvps: range(1, 6),
      },
      {
        organiser: 'repair',
        title: 'Troc de graines et de plants',
        description: 'Échangez vos graines, boutures et conseils de jardinage.',
        inDays: 26,
        at: '15:00',
        hours: 3,
        place: { name: 'Salle Duclos', address: '2 rue du Jerzual, 22100 Dinan', at: [140, 600] },
        capacity: 30,
        rsvps: range(34, 4),
      },
    ],
  },
  thomery: {
    hall: {
      address: '1 place de la Mairie, 77810 Thomery',
      at: [0, 80],
      description: 'Accueil de la mairie de Thomery. Codes de vérification Partagora à l’accueil.',
      openingHours: {
        monday: WEEKDAY_HOURS(['09:00', '12:00'], ['14:00', '17:30']),
        tuesday: WEEKDAY_HOURS(['09:00', '12:00']),
        wednesday: WEEKDAY_HOURS(['09:00', '12:00'], ['14:00', '17:30']),
        thursday: WEEKDAY_HOURS(['09:00', '12:00']),
        friday: WEEKDAY_HOURS(['09:00', '12:00'], ['14:00', '17:00']),
        saturday: WEEKDAY_HOURS(['09:00', '12:00']),
        closures: ['2026-12-25', '2027-01-01'],
      },
    },
    organisations: [
      {
        key: 'cellar',
        kind: 'shop',
        name: 'Épicerie des Bords de Seine',
        address: '7 rue de la République, 77810 Thomery',
        at: [200, 300],
        status: 'verified',
        description: 'Produits locaux, vrac et chasselas en saison. Point de retrait des prêts.',
        openingHours: {
          tuesday: WEEKDAY_HOURS(['08:30', '12:30'], ['15:30', '19:30']),
          wednesday: WEEKDAY_HOURS(['08:30', '12:30'], ['15:30', '19:30']),
          thursday: WEEKDAY_HOURS(['08:30', '12:30'], ['15:30', '19:30']),
          friday: WEEKDAY_HOURS(['08:30', '12:30'], ['15:30', '19:30']),
          saturday: WEEKDAY_HOURS(['08:30', '19:30']),
          sunday: WEEKDAY_HOURS(['09:00', '12:30']),
        },
        members: [2],
      },
      {
        key: 'chasselas',
        kind: 'association',
        name: 'Les Amis du Chasselas de Thomery',
        address: '12 rue Sadi Carnot, 77810 Thomery',
        at: [100, 500],
        status: 'verified',
        description: 'Sauvegarde des murs à treilles et transmission du savoir-faire du chasselas.',
        openingHours: { saturday: WEEKDAY_HOURS(['10:00', '12:00']) },
        members: [3, 20, 21],
      },
      {
        key: 'sports',
        kind: 'association',
        name: 'Thomery Rando',
        address: '3 rue de By, 77810 Thomery',
        at: [40, 700],
        status: 'verified',
        description: 'Randonnées en forêt de Fontainebleau et au bord de la Seine.',
        openingHours: null,
        members: [4],
      },
      {
        key: 'knitting',
        kind: 'association',
        name: 'Le Fil de By',
        address: '21 rue de Champagne, 77810 Thomery',
        at: [300, 600],
        status: 'pending',
        description: 'Tricot, couture et réparation de vêtements, tous niveaux.',
        openingHours: null,
        members: [5],
      },
    ],
    events: [
      {
        organiser: 'hall',
        title: 'Réunion publique : circulation rue de la République',
        description: 'Présentation du projet de zone 30 et échange avec les habitants.',
        inDays: 4,
        at: '19:00',
        hours: 2,
        place: {
          name: 'Salle des fêtes',
          address: '2 rue de la Mairie, 77810 Thomery',
          at: [10, 100],
        },
        capacity: null,
        rsvps: [0, 10, 11, 12],
      },
      {
        organiser: 'chasselas',
        title: 'Taille des treilles : démonstration',
        description: 'Démonstration de taille d’hiver sur les murs à chasselas.',
        inDays: 7,
        at: '10:00',
        hours: 3,
        place: {
          name: 'Murs à treilles',
          address: 'Rue Victor Hugo, 77810 Thomery',
          at: [90, 450],
        },
        // Full, with a waiting list (the verified demo resident is in it).
        capacity: 6,
        rsvps: [...range(13, 6), 0, 19],
      },
      {
        organiser: 'sports',
        title: 'Randonnée des Longs Rochers',
        description: '12 km en forêt, niveau moyen. Chaussures de marche indispensables.',
        inDays: 10,
        at: '09:00',
        hours: 4,
        place: {
          name: 'Parking de l’église',
          address: "Place de l'Église, 77810 Thomery",
          at: [350, 150],
        },
        capacity: 20,
        rsvps: range(22, 5),
      },
      {
        organiser: 'hall',
        title: 'Goûter des aînés',
        description: 'Le goûter de fin d’année offert par le CCAS aux habitants de plus de 70 ans.',
        inDays: 13,
        at: '15:00',
        hours: 2,
        place: {
          name: 'Salle des fêtes',
          address: '2 rue de la Mairie, 77810 Thomery',
          at: [10, 100],
        },
        capacity: 80,
        rsvps: range(27, 6),
      },
      {
        organiser: 'cellar',
        title: 'Dégustation de produits locaux',
        description: 'Fromages de Brie, miel du Gâtinais et jus de chasselas.',
        inDays: 16,
        at: '17:30',
        hours: 2,
        place: {
          name: 'Épicerie des Bords de Seine',
          address: '7 rue de la République, 77810 Thomery',
          at: [200, 300],
        },
        capacity: 15,
        rsvps: range(33, 4),
      },
      {
        organiser: 'hall',
        title: 'Nettoyage des bords de Seine',
        description: 'Gants et sacs fournis. Rendez-vous au port.',
        inDays: 22,
        at: '09:30',
        hours: 3,
        place: {
          name: 'Port de Thomery',
          address: 'Quai de la Seine, 77810 Thomery',
          at: [0, 900],
        },
        capacity: null,
        rsvps: range(1, 5),
      },
      {
        organiser: 'chasselas',
        title: 'Conférence : l’histoire du chasselas de Thomery',
        description: 'Deux siècles de culture du raisin de table sur les murs de Thomery.',
        inDays: 27,
        at: '18:00',
        hours: 2,
        place: {
          name: 'Salle des fêtes',
          address: '2 rue de la Mairie, 77810 Thomery',
          at: [10, 100],
        },
        capacity: 60,
        rsvps: range(6, 4),
      },
    ],
  },
};

/**
 * A start `inDays` from today at `hhmm` in the towns' time zone (metropolitan France), as UTC.
 * `Intl` gives the Paris offset of that day, so the seed is right in summer and winter.
 */
function localStart(now: Date, inDays: number, hhmm: string): Date {
  const day = new Date(now.getTime() + inDays * 86_400_000);
  const ymd = day.toISOString().slice(0, 10);
  const guess = new Date(`${ymd}T${hhmm}:00Z`);
  const paris = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (paris.getTime() - utc.getTime()));
}

const pointAt = (centre: LatLng, [bearing, metres]: [number, number]) =>
  destination(centre, bearing, metres);

/**
 * The town channel of a demo town: the town hall's address and hours, a few shops and
 * associations (one pending, for staff to verify), and a month of events with answers (one full
 * with a waiting list). Idempotent: organisations by name, events only while the town has no
 * upcoming one. Written in SQL like the rest of the seed.
 */
export async function seedDemoOrganisationsEvents(
  ds: DataSource,
  town: DemoTown,
  townId: string,
  residentIds: readonly string[],
  now = new Date(),
): Promise<number> {
  const channel = CHANNELS[town.slug];
  if (!channel) return 0;
  const at = (p: [number, number]) => pointAt(town.centre, p);
  const hallLoc = at(channel.hall.at);
  const [hall] = await ds
    .query<[{ id: string }]>(
      `UPDATE organisations SET address = $2, location = ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography,
            opening_hours = $5, description = $6, handover_point = true, updated_at = now()
      WHERE municipality_id = $1 AND kind = 'town_hall' RETURNING id`,
      [
        townId,
        channel.hall.address,
        hallLoc.lng,
        hallLoc.lat,
        JSON.stringify(channel.hall.openingHours),
        channel.hall.description,
      ],
    )
    .then(([rows]) => rows as unknown as [{ id: string }]);
  const ids: Record<string, string> = { hall: hall.id };
  const resident = (i: number) => residentIds[i % residentIds.length]!;

  for (const o of channel.organisations) {
    const loc = at(o.at);
    const [existing] = await ds.query<Array<{ id: string }>>(
      `SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2`,
      [townId, o.name],
    );
    const id =
      existing?.id ??
      (
        await ds.query<Array<{ id: string }>>(
          `INSERT INTO organisations (municipality_id, kind, name, status, address, location, opening_hours,
                                      description, handover_point, created_by, verified_at)
           VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326)::geography, $8, $9, $10, $11, $12)
           RETURNING id`,
          [
            townId,
            o.kind,
            o.name,
            o.status,
            o.address,
            loc.lng,
            loc.lat,
            o.openingHours ? JSON.stringify(o.openingHours) : null,
            o.description,
            o.status === 'verified' && o.kind === 'shop',
            resident(o.members[0]!),
            o.status === 'verified' ? now : null,
          ],
        )
      )[0]!.id;
    ids[o.key] = id;
    for (const [n, m] of o.members.entries()) {
      await ds.query(
        `INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [id, resident(m), n === 0 ? 'admin' : 'member'],
      );
    }
  }

  const [{ upcoming }] = await ds.query<[{ upcoming: number }]>(
    `SELECT count(*)::int AS upcoming FROM events WHERE municipality_id = $1 AND ends_at > $2`,
    [townId, now],
  );
  if (upcoming > 0) return 0;
  const [staff] = await ds.query<Array<{ user_id: string }>>(
    `SELECT user_id FROM user_roles WHERE municipality_id = $1 AND role = 'staff' LIMIT 1`,
    [townId],
  );
  let created = 0;
  for (const e of channel.events) {
    const startsAt = localStart(now, e.inDays, e.at);
    const endsAt = new Date(startsAt.getTime() + e.hours * 3_600_000);
    const loc = at(e.place.at);
    const organisationId = ids[e.organiser]!;
    const createdBy =
      e.organiser === 'hall'
        ? (staff?.user_id ?? null)
        : resident(channel.organisations.find((o) => o.key === e.organiser)!.members[0]!);
    await ds.transaction(async (m) => {
      const [{ id }] = await m.query<[{ id: string }]>(
        `INSERT INTO events (municipality_id, organisation_id, title, description, starts_at, ends_at,
                             place_name, place_address, place_location, capacity, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ST_SetSRID(ST_MakePoint($9, $10), 4326)::geography, $11, $12)
         RETURNING id`,
        [
          townId,
          organisationId,
          e.title,
          e.description,
          startsAt,
          endsAt,
          e.place.name,
          e.place.address,
          loc.lng,
          loc.lat,
          e.capacity,
          createdBy,
        ],
      );
      const answered = [...new Set(e.rsvps.map(resident))];
      for (const [n, userId] of answered.entries()) {
        const status = e.capacity === null || n < e.capacity ? 'going' : 'waiting';
        await m.query(
          `INSERT INTO event_rsvps (event_id, user_id, status, created_at)
           VALUES ($1, $2, $3, now() - make_interval(mins => $4)) ON CONFLICT DO NOTHING`,
          [id, userId, status, (answered.length - n) * 17],
        );
      }
      await m.query(
        `UPDATE events SET going_count = (SELECT count(*) FROM event_rsvps WHERE event_id = $1 AND status = 'going')
          WHERE id = $1`,
        [id],
      );
    });
    created++;
  }
  return created;
}
