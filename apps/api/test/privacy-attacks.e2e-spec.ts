import type { ExchangeView, ListingView } from '@partagora/domain';
import { type LatLng, destination, haversineMetres } from '@partagora/geo';
import request from 'supertest';
import { LocationPrivacyService } from '../src/common/location/location-privacy.service';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { seedDemo } from '../src/database/seed/demo-seed';
import { act, createListing, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const HOUR = 3_600_000;
const RING_MIN_M = 150;

/** A loan period starting `hours` from now, lasting one day. */
const startingIn = (hours: number) => {
  const start = new Date(Date.now() + hours * HOUR);
  return { start: start.toISOString(), end: new Date(start.getTime() + 24 * HOUR).toISOString() };
};

/** `a − b` in degrees: what a counterparty computes from a public point and the exact place. */
const shift = (a: LatLng, b: LatLng) => ({ lat: a.lat - b.lat, lng: a.lng - b.lng });
const minus = (p: LatLng, s: LatLng) => ({ lat: p.lat - s.lat, lng: p.lng - s.lng });

/** Distances the attacks reached, printed at the end for the closing note. */
const measured: Record<string, number> = {};

describe(`${LocationPrivacyService.name} against the two attacks (DESIGN.md §5)`, () => {
  let t: TestApp;
  let town: TestTown;
  let resident: TestUser;
  let borrower: TestUser;
  let other: TestUser;
  let garage: LatLng;
  let homeListing: string;
  let garageListing: string;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds, { halfSideM: 8000 });
    resident = await registerUser(
      t.url,
      town,
      { lat: town.centre.lat + 0.0011111, lng: town.centre.lng - 0.0022222 },
      'Camille',
    );
    borrower = await registerUser(t.url, town, destination(town.centre, 200, 2500), 'Louis');
    other = await registerUser(t.url, town, destination(town.centre, 20, 3000), 'Inès');
    // A garage 1.4 km from home (DESIGN.md §5's "a place elsewhere").
    garage = destination(resident.home, 60, 1400);
    const lend = (title: string, location?: LatLng) =>
      createListing(t.url, resident, {
        kind: 'lend',
        category: 'tools',
        title,
        ...(location ? { location } : {}),
      });
    homeListing = await lend('Perceuse');
    garageListing = await lend('Remorque', garage);
  });

  afterAll(async () => {
    await t.close();
    process.stdout.write(`[privacy] attack distances (m): ${JSON.stringify(measured)}\n`);
  });

  const as = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const listing = async (viewer: TestUser, id: string) =>
    (await request(t.url).get(`/api/v1/listings/${id}`).set(as(viewer)).expect(200))
      .body as ListingView;
  const exchange = async (viewer: TestUser, id: string) =>
    (await request(t.url).get(`/api/v1/exchanges/${id}`).set(as(viewer)).expect(200))
      .body as ExchangeView;
  /** A loan of `listingId` by `who` starting in `hours`, accepted by the resident. */
  const acceptedLoan = async (who: TestUser, listingId: string, hours: number) => {
    const asked = await requestExchange(t.url, who, listingId, startingIn(hours));
    expect(asked.status).toBe(201);
    await act(t.url, resident, asked.body.id, 'accept').expect(200);
    return asked.body.id as string;
  };

  describe('attack 1: one exact place learnt as the accepted counterparty', () => {
    it('should not locate the garage from the exact home (estimate ≥ 150 m off)', async () => {
      const id = await acceptedLoan(borrower, homeListing, 24);
      const ex = await exchange(borrower, id);
      expect(ex.meetingPointExact).toBe(true);
      expect(ex.meetingPoint).toEqual(resident.home);
      const offset = shift((await listing(borrower, homeListing)).approxLocation, ex.meetingPoint);
      const guess = minus((await listing(borrower, garageListing)).approxLocation, offset);
      measured.garageFromHome = haversineMetres(guess, garage);
      expect(measured.garageFromHome).toBeGreaterThanOrEqual(RING_MIN_M);
      await act(t.url, resident, id, 'cancel').expect(200);
    });

    it('should not locate the home from the exact garage (estimate ≥ 150 m off)', async () => {
      const id = await acceptedLoan(other, garageListing, 24);
      const ex = await exchange(other, id);
      expect(ex.meetingPointExact).toBe(true);
      expect(haversineMetres(ex.meetingPoint, garage)).toBeLessThan(0.01);
      const offset = shift((await listing(other, garageListing)).approxLocation, ex.meetingPoint);
      const guess = minus((await listing(other, homeListing)).approxLocation, offset);
      measured.homeFromGarage = haversineMetres(guess, resident.home);
      expect(measured.homeFromGarage).toBeGreaterThanOrEqual(RING_MIN_M);
      // The profile's approximate home is the home listing's public point, so it helps no more.
      expect((await listing(other, homeListing)).approxLocation).toEqual(resident.approxHome);
      await act(t.url, resident, id, 'cancel').expect(200);
    });
  });

  describe('attack 2: a listing placed away from home', () => {
    it('should keep every public point ≥ 150 m from the home and from its own place, even next to the home', async () => {
      // Places 100 m to 2 km from home, where the home's offset used to land next to the home.
      const places = Array.from({ length: 16 }, (_, i) =>
        destination(resident.home, i * 22.5, 100 + i * 120),
      );
      const ids: string[] = [];
      for (const [i, place] of places.entries()) {
        ids.push(
          await createListing(t.url, resident, {
            kind: i % 2 ? 'give' : 'lend',
            category: 'garden',
            title: `Outil ${i}`,
            location: place,
          }),
        );
      }
      let fromHome = Infinity;
      let fromPlace = Infinity;
      for (const [i, id] of ids.entries()) {
        const p = (await listing(other, id)).approxLocation;
        fromHome = Math.min(fromHome, haversineMetres(p, resident.home));
        fromPlace = Math.min(fromPlace, haversineMetres(p, places[i]!));
        expect(haversineMetres(p, places[i]!)).toBeLessThanOrEqual(400);
      }
      const atGarage = (await listing(other, garageListing)).approxLocation;
      fromHome = Math.min(fromHome, haversineMetres(atGarage, resident.home));
      measured.awayListingsMinFromHome = fromHome;
      measured.awayListingsMinFromPlace = fromPlace;
      expect(fromHome).toBeGreaterThanOrEqual(RING_MIN_M);
      expect(fromPlace).toBeGreaterThanOrEqual(RING_MIN_M);
    });

    it("should keep every public point of the demo seed ≥ 150 m from its owner's home and its own place", async () => {
      await seedDemo(t.ds, t.config);
      const rows = await t.ds.query<
        Array<{
          auto_accept: boolean;
          elat: number;
          elng: number;
          plat: number;
          plng: number;
          hlat: number;
          hlng: number;
          hplat: number;
          hplng: number;
        }>
      >(
        `SELECT l.auto_accept,
                ST_Y(l.exact_point::geometry) AS elat, ST_X(l.exact_point::geometry) AS elng,
                ST_Y(l.public_point::geometry) AS plat, ST_X(l.public_point::geometry) AS plng,
                ST_Y(u.home_point::geometry) AS hlat, ST_X(u.home_point::geometry) AS hlng,
                ST_Y(u.home_public_point::geometry) AS hplat, ST_X(u.home_public_point::geometry) AS hplng
           FROM listings l JOIN users u ON u.id = l.owner_id JOIN municipalities m ON m.id = l.municipality_id
          WHERE m.slug = ANY($1)
            -- The tool libraries' items stand at their organisation's public address, unblurred.
            AND l.owner_organisation_id IS NULL`,
        [DEMO_TOWNS.map((d) => d.slug)],
      );
      expect(rows.length).toBeGreaterThanOrEqual(300);
      let fromHome = Infinity;
      let fromPlace = Infinity;
      let homeFromHome = Infinity;
      let awayFromHome = 0;
      for (const r of rows) {
        const pub = { lat: r.plat, lng: r.plng };
        const home = { lat: r.hlat, lng: r.hlng };
        const exact = { lat: r.elat, lng: r.elng };
        if (haversineMetres(home, exact) > 1) awayFromHome += 1;
        fromHome = Math.min(fromHome, haversineMetres(pub, home));
        fromPlace = Math.min(fromPlace, haversineMetres(pub, exact));
        homeFromHome = Math.min(
          homeFromHome,
          haversineMetres({ lat: r.hplat, lng: r.hplng }, home),
        );
        expect(r.auto_accept).toBe(false);
      }
      measured.seedListings = rows.length;
      measured.seedListingsAwayFromHome = awayFromHome;
      measured.seedMinFromHome = fromHome;
      measured.seedMinFromPlace = fromPlace;
      measured.seedHomesMinFromHome = homeFromHome;
      expect(awayFromHome).toBeGreaterThan(50);
      expect(fromHome).toBeGreaterThanOrEqual(RING_MIN_M);
      expect(fromPlace).toBeGreaterThanOrEqual(RING_MIN_M);
      expect(homeFromHome).toBeGreaterThanOrEqual(RING_MIN_M);
    });
  });

  describe('the exact place goes to the accepted counterparty from 48 h before the hand-over', () => {
    const lendAtHome = (title: string) =>
      createListing(t.url, resident, { kind: 'lend', category: 'tools', title });

    it('should show a loan accepted 5 days ahead approximately, then exactly inside 48 h, and withdraw it when it ends', async () => {
      const listingId = await lendAtHome('Scie sauteuse');
      const approx = (await listing(borrower, listingId)).approxLocation;
      const id = await acceptedLoan(borrower, listingId, 5 * 24);
      const exactText = [String(resident.home.lat), String(resident.home.lng)];
      for (const who of [borrower, resident]) {
        const ex = await exchange(who, id);
        expect(ex.status).toBe('accepted');
        expect(ex.meetingPointExact).toBe(false);
        expect(ex.meetingPoint).toEqual(approx);
        for (const s of exactText) expect(JSON.stringify(ex)).not.toContain(s);
        const listed = await request(t.url).get('/api/v1/exchanges').set(as(who)).expect(200);
        for (const s of exactText) expect(JSON.stringify(listed.body)).not.toContain(s);
      }
      // Three days and a bit later (the period moved in the database, as if time had passed): the
      // start is 47 h away, inside the window.
      await t.ds.query(
        `UPDATE exchanges SET period = tstzrange(lower(period) - interval '73 hours', upper(period) - interval '73 hours'),
                              held = tstzrange(lower(held) - interval '73 hours', upper(held) - interval '73 hours')
          WHERE id = $1`,
        [id],
      );
      for (const who of [borrower, resident]) {
        const ex = await exchange(who, id);
        expect(ex.meetingPointExact).toBe(true);
        expect(ex.meetingPoint).toEqual(resident.home);
      }
      await act(t.url, borrower, id, 'handover').expect(200);
      expect((await exchange(borrower, id)).meetingPointExact).toBe(true);
      await act(t.url, resident, id, 'return').expect(200);
      const ended = await exchange(borrower, id);
      expect(ended.meetingPointExact).toBe(false);
      expect(ended.meetingPoint).toEqual(approx);
      for (const s of exactText) expect(JSON.stringify(ended)).not.toContain(s);
    });

    it.each<[string, number, boolean]>([
      ['in 49 h (outside the window)', 49, false],
      ['in 47 h (inside the window)', 47, true],
      ['in 1 h', 1, true],
    ])('should show a loan accepted to start %s exactly: %s', async (_, hours, exact) => {
      const listingId = await lendAtHome(`Ponceuse ${hours}`);
      const id = await acceptedLoan(borrower, listingId, hours);
      const ex = await exchange(borrower, id);
      expect(ex.meetingPointExact).toBe(exact);
      expect(haversineMetres(ex.meetingPoint, resident.home) < 0.01).toBe(exact);
    });

    it('should withdraw the exact place when an accepted loan is cancelled', async () => {
      const listingId = await lendAtHome('Taille-haie');
      const id = await acceptedLoan(borrower, listingId, 2);
      expect((await exchange(borrower, id)).meetingPointExact).toBe(true);
      await act(t.url, borrower, id, 'cancel').expect(200);
      const ex = await exchange(borrower, id);
      expect(ex.meetingPointExact).toBe(false);
      expect(haversineMetres(ex.meetingPoint, resident.home)).toBeGreaterThanOrEqual(RING_MIN_M);
    });

    it('should show a gift exactly as soon as it is accepted, and never before', async () => {
      const giftId = await createListing(t.url, resident, {
        kind: 'give',
        category: 'furniture',
        title: 'Commode',
        location: garage,
      });
      const asked = await requestExchange(t.url, borrower, giftId);
      expect(asked.status).toBe(201);
      expect(asked.body.meetingPointExact).toBe(false);
      expect(haversineMetres(asked.body.meetingPoint, garage)).toBeGreaterThanOrEqual(RING_MIN_M);
      await act(t.url, resident, asked.body.id, 'accept').expect(200);
      const ex = await exchange(borrower, asked.body.id);
      expect(ex.meetingPointExact).toBe(true);
      expect(haversineMetres(ex.meetingPoint, garage)).toBeLessThan(0.01);
    });
  });

  describe("auto-accept is for organisations' listings", () => {
    it("should refuse autoAccept on a resident's listing with 422 AUTO_ACCEPT_NOT_ALLOWED, on creation and on edit", async () => {
      const created = await request(t.url)
        .post('/api/v1/listings')
        .set(as(resident))
        .send({
          kind: 'lend',
          category: 'tools',
          title: 'Escabeau',
          loanSettings: { autoAccept: true },
        });
      expect(created.status).toBe(422);
      expect(created.body.error).toMatchObject({
        code: 'AUTO_ACCEPT_NOT_ALLOWED',
        details: [{ path: 'loanSettings.autoAccept' }],
        requestId: expect.any(String),
      });
      const ok = await request(t.url)
        .post('/api/v1/listings')
        .set(as(resident))
        .send({
          kind: 'lend',
          category: 'tools',
          title: 'Escabeau',
          loanSettings: { autoAccept: false },
        });
      expect(ok.status).toBe(201);
      expect(ok.body.loanSettings.autoAccept).toBe(false);
      const patched = await request(t.url)
        .patch(`/api/v1/listings/${ok.body.id}`)
        .set(as(resident))
        .send({ loanSettings: { autoAccept: true } });
      expect(patched.status).toBe(422);
      expect(patched.body.error.code).toBe('AUTO_ACCEPT_NOT_ALLOWED');
      expect((await listing(resident, ok.body.id)).loanSettings?.autoAccept).toBe(false);
      // A request on it waits for the resident: nobody learns the place just by booking.
      const asked = await requestExchange(t.url, borrower, ok.body.id, startingIn(2));
      expect(asked.body.status).toBe('requested');
      expect(asked.body.meetingPointExact).toBe(false);
    });

    it('should not let the database hold an auto-accepting resident listing either', async () => {
      await expect(
        t.ds.query(`UPDATE listings SET auto_accept = true WHERE id = $1`, [homeListing]),
      ).rejects.toMatchObject({ code: '23514', constraint: 'ck_listings_auto_accept_owner' });
    });
  });
});
