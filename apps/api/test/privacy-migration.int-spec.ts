import { randomUUID } from 'node:crypto';
import { DEFAULT_MUNICIPALITY_SETTINGS } from '@partagora/domain';
import { type LatLng, destination, haversineMetres } from '@partagora/geo';
import type { DataSource, QueryRunner } from 'typeorm';
import { LocationPrivacyService } from '../src/common/location/location-privacy.service';
import { PublicPointPerPlace1796192861730 } from '../src/database/migrations/1796192861730-PublicPointPerPlace';
import { recomputePublicPoints } from '../src/database/public-points';
import { type TestTown, createTown } from './factories/towns';
import { testConfig, testDataSource } from './test-context';

/** Points of a row as `{lat, lng}`. */
const pointSql = (col: string, as: string) =>
  `ST_Y(${col}::geometry) AS ${as}_lat, ST_X(${col}::geometry) AS ${as}_lng`;
const at = (row: Record<string, number>, as: string): LatLng => ({
  lat: Number(row[`${as}_lat`]),
  lng: Number(row[`${as}_lng`]),
});
const geog = (lngParam: number, latParam: number) =>
  `ST_SetSRID(ST_MakePoint($${lngParam}, $${latParam}), 4326)::geography`;

describe(PublicPointPerPlace1796192861730.name, () => {
  let ds: DataSource;
  let q: QueryRunner;
  let town: TestTown;
  const config = testConfig();
  const privacy = new LocationPrivacyService(config);

  beforeAll(async () => {
    // The migration reads the configuration as the migrate command does; the test's secret.
    Object.assign(process.env, {
      JWT_SECRET: config.jwtSecret,
      LOCATION_SECRET: config.locationSecret,
    });
    ds = await testDataSource();
    town = await createTown(ds);
  });

  beforeEach(async () => {
    q = ds.createQueryRunner();
    await q.connect();
    await q.startTransaction();
  });

  afterEach(async () => {
    // Everything, the other test files' rows recomputed with them, is rolled back.
    await q.rollbackTransaction();
    await q.release();
  });

  afterAll(async () => {
    await ds.destroy();
  });

  /** A resident and listings as the old rule stored them: the home's offset on every listing. */
  async function oldRuleResident(home: LatLng, places: LatLng[], autoAccept = false) {
    const id = randomUUID();
    const oldShift = { lat: 0.0018, lng: 0.0012 };
    const moved = (p: LatLng) => ({ lat: p.lat + oldShift.lat, lng: p.lng + oldShift.lng });
    await q.query(
      `INSERT INTO users (id, email, password_hash, display_name, municipality_id, home_point, home_public_point)
       VALUES ($1, $2, 'x', 'Ancien', $3, ${geog(4, 5)}, ${geog(6, 7)})`,
      [id, `${id}@example.test`, town.id, home.lng, home.lat, moved(home).lng, moved(home).lat],
    );
    const listingIds: string[] = [];
    for (const place of places) {
      const rows = (await q.query(
        `INSERT INTO listings (owner_id, municipality_id, kind, category, title, exact_point, public_point, auto_accept)
         VALUES ($1, $2, 'lend', 'tools', 'Outil', ${geog(3, 4)}, ${geog(5, 6)}, $7) RETURNING id`,
        [id, town.id, place.lng, place.lat, moved(place).lng, moved(place).lat, autoAccept],
      )) as Array<{ id: string }>;
      listingIds.push(rows[0]!.id);
    }
    return { id, listingIds };
  }

  /** What is stored for the resident, listings in the order they were created. */
  async function stored(userId: string, listingIds: string[]) {
    const [user] = (await q.query(
      `SELECT ${pointSql('home_point', 'h')}, ${pointSql('home_public_point', 'hp')} FROM users WHERE id = $1`,
      [userId],
    )) as Array<Record<string, number>>;
    const rows = (await q.query(
      `SELECT id, auto_accept, ${pointSql('exact_point', 'e')}, ${pointSql('public_point', 'p')}
         FROM listings WHERE owner_id = $1`,
      [userId],
    )) as Array<Record<string, number> & { id: string; auto_accept: boolean }>;
    const listings = listingIds.map((lid) => rows.find((r) => r.id === lid)!);
    return {
      home: at(user!, 'h'),
      homePublic: at(user!, 'hp'),
      listings: listings.map((l) => ({
        autoAccept: l.auto_accept,
        exact: at(l, 'e'),
        public: at(l, 'p'),
      })),
    };
  }

  it('should recompute every public point per place, switch auto-accept off, and keep it off', async () => {
    // The migration adds the check: take it away first, as before the migration.
    await q.query(`ALTER TABLE listings DROP CONSTRAINT ck_listings_auto_accept_owner`);
    const home = destination(town.centre, 45, 700);
    const garage = destination(home, 120, 1600);
    const nextDoor = destination(home, 300, 180);
    const { id, listingIds } = await oldRuleResident(home, [home, garage, nextDoor, home], true);

    await new PublicPointPerPlace1796192861730().up(q);

    const after = await stored(id, listingIds);
    const settings = DEFAULT_MUNICIPALITY_SETTINGS;
    expect(after.homePublic).toEqual(privacy.homePublicPoint(id, home, settings));
    expect(haversineMetres(after.homePublic, home)).toBeGreaterThanOrEqual(150);
    for (const l of after.listings) {
      expect(l.autoAccept).toBe(false);
      expect(l.public).toEqual(
        privacy.publicPoint({ ownerId: id, place: l.exact, home, settings }),
      );
      expect(haversineMetres(l.public, l.exact)).toBeGreaterThanOrEqual(150);
      expect(haversineMetres(l.public, home)).toBeGreaterThanOrEqual(150);
    }
    // Listings at home show the home's public point; the garage moved by another offset.
    expect(after.listings[0]!.public).toEqual(after.homePublic);
    expect(after.listings[3]!.public).toEqual(after.homePublic);
    const homeShift = {
      lat: after.homePublic.lat - home.lat,
      lng: after.homePublic.lng - home.lng,
    };
    const guess = {
      lat: after.listings[1]!.public.lat - homeShift.lat,
      lng: after.listings[1]!.public.lng - homeShift.lng,
    };
    expect(haversineMetres(guess, garage)).toBeGreaterThanOrEqual(150);

    await q.query('SAVEPOINT auto_accept');
    await expect(
      q.query(`UPDATE listings SET auto_accept = true WHERE owner_id = $1`, [id]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'ck_listings_auto_accept_owner' });
    await q.query('ROLLBACK TO SAVEPOINT auto_accept');
  });

  it('should change nothing when run again (deterministic), and follow a new secret', async () => {
    const home = destination(town.centre, 200, 900);
    const { id, listingIds } = await oldRuleResident(home, [home, destination(home, 10, 2500)]);
    await recomputePublicPoints(q, privacy);
    const first = await stored(id, listingIds);
    await recomputePublicPoints(q, privacy);
    expect(await stored(id, listingIds)).toEqual(first);

    const rotated = new LocationPrivacyService({
      locationSecret: 'another-location-secret-another-location-secret',
    });
    const counts = await recomputePublicPoints(q, rotated);
    expect(counts.users).toBeGreaterThan(0);
    expect(counts.listings).toBeGreaterThan(0);
    const moved = await stored(id, listingIds);
    expect(moved.homePublic).not.toEqual(first.homePublic);
    expect(moved.homePublic).toEqual(
      rotated.homePublicPoint(id, home, DEFAULT_MUNICIPALITY_SETTINGS),
    );
  });
});
