import { randomUUID } from 'node:crypto';
import { hash, Algorithm } from '@node-rs/argon2';
import {
  DEFAULT_MUNICIPALITY_SETTINGS,
  DEFAULT_LOAN_SETTINGS,
  type MunicipalitySettings,
} from '@partagora/domain';
import {
  type LatLng,
  multiPolygonContains,
  ringFromLatLngs,
  type GeoJsonMultiPolygon,
} from '@partagora/geo';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { seedDemoPhotos } from './demo-photos';
import { DEMO_ITEMS, DEMO_TOWNS, FIRST_NAMES, LAST_INITIALS, type DemoTown } from './demo-data';
import { seedDemoReviews } from './demo-reviews';
import { seedDemoLibrary } from './demo-library';
import { seedDemoModeration } from './demo-moderation';
import { seedDemoAddresses } from './demo-addresses';
import { seedDemoTownData } from './demo-town-data';
import { seedDemoPosts } from './demo-posts';

export const DEMO_PASSWORD = 'partagora-demo';
export const RESIDENTS_PER_TOWN = 40;
export const LISTINGS_PER_TOWN = 150;

/** Deterministic PRNG (mulberry32) so every run seeds the same town. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function townBoundary(town: DemoTown): GeoJsonMultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: [[ringFromLatLngs(town.outline)]],
  };
}

/** A random point inside the town outline (rejection sampling in its bounding box). */
export function pointInTown(town: DemoTown, rnd: () => number): LatLng {
  const lats = town.outline.map((p) => p.lat);
  const lngs = town.outline.map((p) => p.lng);
  const boundary = townBoundary(town);
  for (;;) {
    const p = {
      lat: Math.min(...lats) + rnd() * (Math.max(...lats) - Math.min(...lats)),
      lng: Math.min(...lngs) + rnd() * (Math.max(...lngs) - Math.min(...lngs)),
    };
    if (multiPolygonContains(boundary, p)) return p;
  }
}

export interface DemoAccount {
  email: string;
  displayName: string;
  town: string;
  role: string;
  /** What to try with this account (printed after the role). */
  note?: string;
}

/** Demo accounts printed by `npm start`. */
export function demoAccounts(): DemoAccount[] {
  return DEMO_TOWNS.flatMap((t) => [
    {
      email: `mairie@${t.slug}.demo.partagora.fr`,
      displayName: `Mairie de ${t.name}`,
      town: t.slug,
      role: 'staff, moderator',
      note: 'generates verification codes at /staff/verification-codes',
    },
    {
      email: residentEmail(t, 0),
      displayName: residentName(0),
      town: t.slug,
      role: 'resident',
      note: 'verified resident',
    },
    {
      email: residentEmail(t, 1),
      displayName: residentName(1),
      town: t.slug,
      role: 'resident',
      note: 'not verified: redeem a code at /verify',
    },
  ]);
}

/** Which demo residents are verified residents of their town (one in three). */
export const isDemoVerified = (i: number) => i % 3 === 0;

const residentName = (i: number) =>
  `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_INITIALS[(i * 7) % LAST_INITIALS.length]}.`;
const residentEmail = (t: DemoTown, i: number) =>
  `${FIRST_NAMES[i % FIRST_NAMES.length]!.normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}${i}@${t.slug}.demo.partagora.fr`;

/**
 * Idempotent: towns are upserted by slug, residents by e-mail, and a resident's listings are only
 * created when they have none.
 */
export async function seedDemo(
  ds: DataSource,
  config: AppConfig,
): Promise<{ towns: number; users: number; listings: number }> {
  const privacy = new LocationPrivacyService(config);
  const passwordHash = await hash(DEMO_PASSWORD, {
    algorithm: Algorithm.Argon2id,
  });
  let users = 0;
  let listings = 0;
  let reviewed = 0;
  for (const [townIndex, town] of DEMO_TOWNS.entries()) {
    // A town seeded before keeps its own settings (its ring among them): RETURNING gives them.
    const [{ id: townId, settings }] = await ds.query<
      [{ id: string; settings: MunicipalitySettings }]
    >(
      `INSERT INTO municipalities (slug, name, insee_code, boundary, centre, branding, settings)
       VALUES ($1, $2, $3, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326), ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7, $8)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, boundary = EXCLUDED.boundary, centre = EXCLUDED.centre,
                                        branding = EXCLUDED.branding
       RETURNING id, settings`,
      [
        town.slug,
        town.name,
        town.inseeCode,
        JSON.stringify(townBoundary(town)),
        town.centre.lng,
        town.centre.lat,
        JSON.stringify({
          primaryColor: town.primaryColor,
          tagline: town.tagline,
        }),
        JSON.stringify(DEFAULT_MUNICIPALITY_SETTINGS),
      ],
    );
    const rnd = prng(1000 + townIndex);
    const people: Array<{ email: string; name: string; roles: string[]; verified: boolean }> = [
      {
        email: `mairie@${town.slug}.demo.partagora.fr`,
        name: `Mairie de ${town.name}`,
        roles: ['resident', 'staff', 'moderator'],
        verified: true,
      },
      // One resident in three already redeemed a town-hall code (resident 0 among them, resident
      // 1 not, so the demo can show both sides).
      ...Array.from({ length: RESIDENTS_PER_TOWN - 1 }, (_, i) => ({
        email: residentEmail(town, i),
        name: residentName(i),
        roles: ['resident'],
        verified: isDemoVerified(i),
      })),
    ];
    const residents: Array<{ id: string; home: LatLng }> = [];
    for (const person of people) {
      const home = person.roles.includes('staff') ? town.centre : pointInTown(town, rnd);
      // The id is chosen here because the home's public point is keyed by it; a resident seeded
      // before keeps theirs (ON CONFLICT), with the public point computed then.
      const newId = randomUUID();
      const pub = privacy.homePublicPoint(newId, home, settings);
      const inserted = await ds.query<Array<{ id: string }>>(
        `INSERT INTO users (id, email, password_hash, display_name, municipality_id, home_point, home_public_point,
                            verification, verified_at, email_confirmed_at)
         VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326)::geography, ST_SetSRID(ST_MakePoint($8, $9), 4326)::geography,
                 CASE WHEN $10 THEN 'verified' ELSE 'unverified' END, CASE WHEN $10 THEN now() END, now())
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [
          newId,
          person.email,
          passwordHash,
          person.name,
          townId,
          home.lng,
          home.lat,
          pub.lng,
          pub.lat,
          person.verified,
        ],
      );
      const row = inserted[0];
      if (row) {
        users++;
        for (const role of person.roles) {
          await ds.query(
            `INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            [row.id, townId, role],
          );
        }
      }
      const [existing] = await ds.query<[{ id: string; lat: number; lng: number }]>(
        `SELECT id, ST_Y(home_point::geometry) AS lat, ST_X(home_point::geometry) AS lng FROM users WHERE email = $1`,
        [person.email],
      );
      if (!person.roles.includes('staff'))
        residents.push({
          id: existing.id,
          home: { lat: existing.lat, lng: existing.lng },
        });
    }
    for (let i = 0; i < LISTINGS_PER_TOWN; i++) {
      const owner = residents[i % residents.length]!;
      const demo = DEMO_ITEMS[(i * 7 + townIndex * 3) % DEMO_ITEMS.length]!;
      // One listing in three is not at home (a garage, a garden plot) but near it.
      const exact =
        i % 3 === 2
          ? {
              lat: owner.home.lat + (rnd() - 0.5) * 0.004,
              lng: owner.home.lng + (rnd() - 0.5) * 0.006,
            }
          : owner.home;
      const pub = privacy.publicPoint({
        ownerId: owner.id,
        place: exact,
        home: owner.home,
        settings,
      });
      const seq = Math.floor(i / residents.length);
      const added = await ds.query<unknown[]>(
        `INSERT INTO listings (owner_id, municipality_id, kind, category, title, description, condition, exact_point, public_point,
                               loan_max_days, loan_buffer_hours, auto_accept)
         SELECT $1, $2, $3, $4, $5, $6, $7, ST_SetSRID(ST_MakePoint($8, $9), 4326)::geography,
                ST_SetSRID(ST_MakePoint($10, $11), 4326)::geography, $12, $13, $14
          WHERE (SELECT count(*) FROM listings WHERE owner_id = $1) = $15
         RETURNING id`,
        [
          owner.id,
          townId,
          demo.kind,
          demo.category,
          demo.title,
          demo.description,
          demo.condition,
          exact.lng,
          exact.lat,
          pub.lng,
          pub.lat,
          DEFAULT_LOAN_SETTINGS.maxDays + (i % 3) * 3,
          DEFAULT_LOAN_SETTINGS.bufferHours,
          // Residents' listings never auto-accept (DESIGN.md §5): the owner accepts each request.
          false,
          seq,
        ],
      );
      listings += added.length;
    }
    reviewed += await seedDemoReviews(ds, townId, residents);
    await seedDemoLibrary(
      ds,
      town,
      townId,
      residents.map((r) => r.id),
      {
        privacy,
        settings,
        assistedResident: town.slug === 'dinan',
      },
    );
    await seedDemoModeration(
      ds,
      townId,
      residents.map((r) => r.id),
    );
    await seedDemoTownData(
      ds,
      town,
      townId,
      residents.map((r) => r.id),
    );
    await seedDemoPosts(ds, townId, town.name);
  }
  const photos = await seedDemoPhotos(ds, config);
  await seedDemoAddresses(ds);
  process.stderr.write(
    `[seed] demo towns ready: +${users} residents, +${listings} listings, +${photos} photos, +${reviewed} reviewed exchanges\n`,
  );
  return { towns: DEMO_TOWNS.length, users, listings };
}
