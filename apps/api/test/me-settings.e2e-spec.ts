import { DEFAULT_MUNICIPALITY_SETTINGS } from '@partagora/domain';
import { type LatLng, destination, haversineMetres } from '@partagora/geo';
import request from 'supertest';
import { LocationPrivacyService } from '../src/common/location/location-privacy.service';
import { ProfileSettingsService } from '../src/modules/account/profile-settings.service';
import { createListing } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

interface Points {
  exact: LatLng;
  public: LatLng;
}

describe(ProfileSettingsService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let me: TestUser;
  let privacy: LocationPrivacyService;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds, { halfSideM: 3000 });
    me = await registerUser(t.url, town, destination(town.centre, 45, 800), 'Avant');
    privacy = new LocationPrivacyService(t.config);
  });

  afterAll(async () => {
    await t.close();
  });

  const patch = (body: unknown, who: TestUser | null = me) => {
    const req = request(t.url).patch('/api/v1/me');
    if (who) req.set('Authorization', `Bearer ${who.token}`);
    return req.send(body as object);
  };
  const points = async (listingId: string): Promise<Points> => {
    const [r] = await t.ds.query<[{ elat: number; elng: number; plat: number; plng: number }]>(
      `SELECT ST_Y(exact_point::geometry) AS elat, ST_X(exact_point::geometry) AS elng,
              ST_Y(public_point::geometry) AS plat, ST_X(public_point::geometry) AS plng
         FROM listings WHERE id = $1`,
      [listingId],
    );
    return { exact: { lat: r.elat, lng: r.elng }, public: { lat: r.plat, lng: r.plng } };
  };

  it('should save the display name and the language to the account', async () => {
    const res = await patch({ displayName: '  Après  ', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Après', locale: 'en', home: me.home });
    const again = await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${me.token}`);
    expect(again.body).toMatchObject({ displayName: 'Après', locale: 'en' });
    expect((await patch({ locale: 'fr' })).body.locale).toBe('fr');
  });

  it('should move home: listings at the old home follow, every public point is recomputed', async () => {
    const oldHome = me.home;
    const atHome = await createListing(t.url, me, {
      kind: 'lend',
      category: 'tools',
      title: 'Échelle',
    });
    const garage = destination(oldHome, 270, 1200);
    const elsewhere = await createListing(t.url, me, {
      kind: 'give',
      category: 'garden',
      title: 'Pots',
      location: garage,
    });
    const before = { atHome: await points(atHome), elsewhere: await points(elsewhere) };
    const newHome = destination(town.centre, 200, 1500);

    const res = await patch({ home: newHome });
    expect(res.status).toBe(200);
    const settings = DEFAULT_MUNICIPALITY_SETTINGS;
    expect(res.body.home).toEqual(newHome);
    expect(res.body.approxHome.lat).toBeCloseTo(
      privacy.homePublicPoint(me.id, newHome, settings).lat,
      9,
    );
    expect(res.body.approxHome.lng).toBeCloseTo(
      privacy.homePublicPoint(me.id, newHome, settings).lng,
      9,
    );

    const after = { atHome: await points(atHome), elsewhere: await points(elsewhere) };
    // The listing at home moved with it; the one elsewhere stays where it is.
    expect(haversineMetres(after.atHome.exact, newHome)).toBeLessThan(0.01);
    expect(haversineMetres(after.elsewhere.exact, garage)).toBeLessThan(0.01);
    expect(haversineMetres(after.atHome.public, before.atHome.public)).toBeGreaterThan(100);
    // Each public point is the rule's for the new home (DESIGN.md §5): keyed by owner and place,
    // kept at least the ring's minimum from the home and from the place.
    for (const [place, got] of [
      [newHome, after.atHome.public],
      [garage, after.elsewhere.public],
    ] as const) {
      const want = privacy.publicPoint({ ownerId: me.id, place, home: newHome, settings });
      expect(haversineMetres(got, want)).toBeLessThan(0.01);
      expect(haversineMetres(got, newHome)).toBeGreaterThanOrEqual(settings.blurRing.min - 1);
      expect(haversineMetres(got, place)).toBeGreaterThanOrEqual(settings.blurRing.min - 1);
    }
    // Nothing public says where the old home was any more: the listing's public point is not the
    // one it had there.
    const listing = await request(t.url)
      .get(`/api/v1/listings/${atHome}`)
      .set('Authorization', `Bearer ${me.token}`);
    expect(JSON.stringify(listing.body)).not.toContain(String(oldHome.lat));
    me.home = newHome;
  });

  it('should refuse a home outside the town with 422 and change nothing', async () => {
    const res = await patch({ home: destination(town.centre, 0, 20_000), displayName: 'Loin' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('HOME_OUTSIDE_MUNICIPALITY');
    expect(res.body.error.details).toEqual([{ path: 'home', message: 'Outside the town' }]);
    const now = await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${me.token}`);
    expect(now.body.home).toEqual(me.home);
    expect(now.body.displayName).toBe('Après');
  });

  it.each([
    [{}],
    [{ locale: 'de' }],
    [{ displayName: 'x' }],
    [{ home: { lat: 200, lng: 0 } }],
    [{ email: 'new@example.test' }],
  ])('should refuse %j with 400', async (body) => {
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('should ask for a signed-in member', async () => {
    expect((await patch({ locale: 'en' }, null)).status).toBe(401);
  });
});
