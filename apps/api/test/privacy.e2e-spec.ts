import { type LatLng, destination, haversineMetres } from '@partagora/geo';
import request from 'supertest';
import { LocationPrivacyService } from '../src/common/location/location-privacy.service';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/** Every `{lat, lng}` object anywhere in a JSON value. */
function pointsIn(value: unknown, found: LatLng[] = []): LatLng[] {
  if (Array.isArray(value)) value.forEach((v) => pointsIn(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.lat === 'number' && typeof o.lng === 'number')
      found.push({ lat: o.lat, lng: o.lng });
    Object.values(o).forEach((v) => pointsIn(v, found));
  }
  return found;
}

/**
 * Exact coordinates as a serializer would print them (full precision; a public point 150 m away
 * can share the first 4–5 decimals of one coordinate by chance, never all of them).
 */
const printed = (p: LatLng) => [String(p.lat), String(p.lng)];

describe(LocationPrivacyService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let other: TestUser;
  const exact: LatLng[] = [];
  const listingIds: string[] = [];
  let elsewhere: LatLng;

  beforeAll(async () => {
    t = await startTestApp({ MAP_POINTS_MAX: '10' });
    town = await createTown(t.ds);
    // Coordinates with many decimals so a leak would be recognisable in the text too.
    owner = await registerUser(t.url, town, {
      lat: town.centre.lat + 0.0012345,
      lng: town.centre.lng + 0.0023456,
    });
    other = await registerUser(t.url, town, destination(town.centre, 200, 1500));
    exact.push(owner.home, other.home);
    elsewhere = destination(owner.home, 30, 900);
    exact.push(elsewhere);
    for (let i = 0; i < 14; i++) {
      const body: Record<string, unknown> = {
        kind: i % 2 ? 'give' : 'lend',
        category: 'tools',
        title: `Outil ${i}`,
      };
      if (i % 3 === 0) body.location = elsewhere;
      const res = await request(t.url)
        .post('/api/v1/listings')
        .set('Authorization', `Bearer ${owner.token}`)
        .send(body);
      expect(res.status).toBe(201);
      listingIds.push(res.body.id);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  /** The responses a resident's neighbours (and the resident) can get about listings. */
  async function responses(as: TestUser) {
    const auth = { Authorization: `Bearer ${as.token}` };
    const c = town.centre;
    const out = [
      await request(t.url)
        .get('/api/v1/listings')
        .query({ lat: c.lat, lng: c.lng, radius: 5000, limit: 100 })
        .set(auth),
      await request(t.url)
        .get('/api/v1/listings')
        .query({ lat: owner.home.lat, lng: owner.home.lng, radius: 500 })
        .set(auth),
      await request(t.url)
        .get('/api/v1/listings')
        .query({ lat: c.lat, lng: c.lng, q: 'outil' })
        .set(auth),
      // Points mode (street zoom) and clusters mode (14 listings > MAP_POINTS_MAX=10).
      await request(t.url)
        .get('/api/v1/listings/map')
        .query({ bbox: bbox(c, 0.05), zoom: 18 })
        .set(auth),
      await request(t.url)
        .get('/api/v1/listings/map')
        .query({ bbox: bbox(c, 0.05), zoom: 12 })
        .set(auth),
    ];
    for (const id of listingIds)
      out.push(await request(t.url).get(`/api/v1/listings/${id}`).set(auth));
    return out;
  }

  const bbox = (c: LatLng, d: number) => [c.lng - d, c.lat - d, c.lng + d, c.lat + d].join(',');

  it.each(['neighbour', 'owner'])(
    'should never send exact coordinates in listing, search or map responses (as %s)',
    async (who) => {
      const list = await responses(who === 'owner' ? owner : other);
      const modes = new Set<string>();
      for (const res of list) {
        expect(res.status).toBe(200);
        if (res.body.mode) modes.add(res.body.mode);
        const text = JSON.stringify(res.body);
        for (const p of exact) for (const s of printed(p)) expect(text).not.toContain(s);
        // Points (not cluster centroids) are public points: 150–400 m from any exact point they derive from.
        if (res.body.mode !== 'clusters') {
          for (const p of pointsIn(res.body)) {
            for (const e of exact) expect(haversineMetres(p, e)).toBeGreaterThan(100);
          }
        }
      }
      expect(modes).toEqual(new Set(['points', 'clusters']));
    },
  );

  it('should never send exact coordinates in the responses to creating and editing a listing', async () => {
    const moved = destination(owner.home, 120, 600);
    const created = await request(t.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({
        kind: 'lend',
        category: 'garden',
        title: 'Brouette',
        location: moved,
      });
    const edited = await request(t.url)
      .patch(`/api/v1/listings/${created.body.id}`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ location: destination(moved, 0, 50) });
    for (const res of [created, edited]) {
      expect(res.status).toBeLessThan(300);
      const text = JSON.stringify(res.body);
      for (const p of [...exact, moved]) for (const s of printed(p)) expect(text).not.toContain(s);
    }
  });

  it('should move listings at one place by one offset and listings elsewhere by their own, 150–400 m from their place and never within 150 m of the home', async () => {
    const rows = await t.ds.query<
      Array<{ elat: number; elng: number; plat: number; plng: number }>
    >(
      `SELECT ST_Y(exact_point::geometry) AS elat, ST_X(exact_point::geometry) AS elng,
              ST_Y(public_point::geometry) AS plat, ST_X(public_point::geometry) AS plng
         FROM listings WHERE owner_id = $1`,
      [owner.id],
    );
    expect(rows.length).toBeGreaterThan(10);
    const publicAt = new Map<string, Set<string>>();
    for (const r of rows) {
      const e = { lat: r.elat, lng: r.elng };
      const p = { lat: r.plat, lng: r.plng };
      const d = haversineMetres(e, p);
      expect(d).toBeGreaterThanOrEqual(150);
      expect(d).toBeLessThanOrEqual(400);
      expect(haversineMetres(owner.home, p)).toBeGreaterThanOrEqual(150);
      const key = JSON.stringify(e);
      publicAt.set(key, (publicAt.get(key) ?? new Set()).add(JSON.stringify(p)));
    }
    // Listings at the home share the home's public point; those 900 m away share another one,
    // moved by a different offset (knowing one says nothing about the other).
    const atHome = publicAt.get(JSON.stringify(owner.home));
    const atElsewhere = [...publicAt.entries()].find(
      ([k]) => haversineMetres(JSON.parse(k) as LatLng, elsewhere) < 0.01,
    )?.[1];
    expect(atHome).toEqual(new Set([JSON.stringify(owner.approxHome)]));
    expect(atElsewhere?.size).toBe(1);
    const homeShift = {
      lat: owner.approxHome.lat - owner.home.lat,
      lng: owner.approxHome.lng - owner.home.lng,
    };
    const elsewherePublic = JSON.parse([...atElsewhere!][0]!) as LatLng;
    const guess = {
      lat: elsewherePublic.lat - homeShift.lat,
      lng: elsewherePublic.lng - homeShift.lng,
    };
    expect(haversineMetres(guess, elsewhere)).toBeGreaterThanOrEqual(150);
  });
});
