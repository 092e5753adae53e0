import { LISTING_CATEGORIES, LISTING_KINDS, type ListingSearchItem } from '@partagora/domain';
import {
  type LatLng,
  destination,
  distanceBucket,
  haversineMetres,
  snapToGrid,
} from '@partagora/geo';
import request from 'supertest';
import { ListingsService } from '../src/modules/listings/listings.service';
import { insertListings, type RawListing } from './factories/listings';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/** Deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Truth extends RawListing {
  id: string;
}

describe(ListingsService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let viewer: TestUser;
  let truth: Truth[] = [];
  const rnd = prng(20261122);

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds, { halfSideM: 8000 });
    viewer = await registerUser(t.url, town, town.centre);
    const owner = await registerUser(t.url, town, destination(town.centre, 90, 1000));
    const raw: RawListing[] = [];
    for (let i = 0; i < 400; i++) {
      // Area-uniform up to 6 km, with a dense core so buckets and pages both matter.
      const r = i % 4 === 0 ? 800 * Math.sqrt(rnd()) : 6000 * Math.sqrt(rnd());
      const pub = destination(town.centre, rnd() * 360, r);
      raw.push({
        ownerId: owner.id,
        municipalityId: town.id,
        kind: LISTING_KINDS[i % LISTING_KINDS.length]!,
        category: LISTING_CATEGORIES[(i * 7) % LISTING_CATEGORIES.length]!,
        title: `Objet numéro ${i}`,
        status: i % 10 === 9 ? 'paused' : 'available',
        exact: destination(pub, 45, 200),
        public: pub,
      });
    }
    const ids = await insertListings(t.ds, raw);
    truth = raw.map((l, i) => ({ ...l, id: ids[i]! }));
  });

  afterAll(async () => {
    await t.close();
  });

  const search = (query: Record<string, string | number>) =>
    request(t.url)
      .get('/api/v1/listings')
      .query(query)
      .set('Authorization', `Bearer ${viewer.token}`);

  /** Every page of a search, following nextCursor. */
  async function searchAll(query: Record<string, string | number>): Promise<ListingSearchItem[]> {
    const items: ListingSearchItem[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const res = await search(cursor ? { ...query, cursor } : query);
      expect(res.status).toBe(200);
      items.push(...(res.body.items as ListingSearchItem[]));
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('pagination did not end');
  }

  /** Brute force over the known rows, around the centre the API snaps to. */
  function expected(centre: LatLng, radius: number, keep: (l: Truth) => boolean = () => true) {
    const snapped = snapToGrid(centre);
    return truth
      .filter((l) => l.status === 'available' && keep(l))
      .map((l) => ({ l, d: haversineMetres(snapped, l.public) }))
      .filter(({ d }) => d <= radius)
      .sort((a, b) => a.d - b.d);
  }

  /** Rows within 0.5 m of the radius may fall either way through floating point: leave them out. */
  function nearEdge(centre: LatLng, radius: number) {
    const snapped = snapToGrid(centre);
    return new Set(
      truth
        .filter((l) => Math.abs(haversineMetres(snapped, l.public) - radius) < 0.5)
        .map((l) => l.id),
    );
  }

  it.each([
    [0, 0, 1000],
    [0, 0, 2500],
    [700, 45, 3000],
    [2500, 200, 1500],
    [4000, 300, 50000],
  ])(
    'should return exactly the available listings within the radius, nearest first (offset %d m, bearing %d°, radius %d m)',
    async (offset, bearing, radius) => {
      const centre = destination(town.centre, bearing, offset);
      const items = await searchAll({
        lat: centre.lat,
        lng: centre.lng,
        radius,
        limit: 25,
      });
      const edge = nearEdge(centre, radius);
      const want = expected(centre, radius).filter(({ l }) => !edge.has(l.id));
      const got = items.filter((i) => !edge.has(i.id));
      expect(got.map((i) => i.id)).toEqual(want.map(({ l }) => l.id));
      // Buckets follow the distance to the snapped centre.
      for (const [k, item] of got.entries()) expect(item.distance).toBe(distanceBucket(want[k]!.d));
      expect(want.length).toBeGreaterThan(5);
    },
  );

  it('should page without repeating or skipping, whatever the page size', async () => {
    const all = await searchAll({
      lat: town.centre.lat,
      lng: town.centre.lng,
      radius: 5000,
      limit: 100,
    });
    for (const limit of [1, 7, 33]) {
      const paged = await searchAll({
        lat: town.centre.lat,
        lng: town.centre.lng,
        radius: 5000,
        limit,
      });
      expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
      expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
    }
  });

  it.each([
    [{ kind: 'lend' }, (l: Truth) => l.kind === 'lend'],
    [{ category: 'tools' }, (l: Truth) => l.category === 'tools'],
    [{ kind: 'give', category: 'kids' }, (l: Truth) => l.kind === 'give' && l.category === 'kids'],
  ])('should apply filter %j', async (filter, keep) => {
    const items = await searchAll({
      lat: town.centre.lat,
      lng: town.centre.lng,
      radius: 6000,
      limit: 50,
      ...filter,
    });
    const edge = nearEdge(town.centre, 6000);
    expect(items.filter((i) => !edge.has(i.id)).map((i) => i.id)).toEqual(
      expected(town.centre, 6000, keep)
        .filter(({ l }) => !edge.has(l.id))
        .map(({ l }) => l.id),
    );
    for (const item of items) {
      if ('kind' in filter) expect(item.kind).toBe(filter.kind);
      if ('category' in filter) expect(item.category).toBe(filter.category);
    }
  });

  it('should page through listings sharing one public point (one home) in id order, without repeats or gaps', async () => {
    const home = await createTown(t.ds);
    const owner = await registerUser(t.url, home, home.centre);
    const spot = destination(home.centre, 10, 300);
    const same: RawListing[] = Array.from({ length: 30 }, (_, i) => ({
      ownerId: owner.id,
      municipalityId: home.id,
      kind: 'lend' as const,
      category: 'tools' as const,
      title: `Même maison ${i}`,
      exact: home.centre,
      public: spot,
    }));
    const others: RawListing[] = Array.from({ length: 10 }, (_, i) => ({
      ...same[0]!,
      title: `Ailleurs ${i}`,
      public: destination(home.centre, i * 36, 100 + i * 50),
    }));
    const ids = await insertListings(t.ds, [...same, ...others]);
    const sameIds = new Set(ids.slice(0, 30));
    const all = await searchAllAround(home.centre, 100);
    for (const limit of [1, 7, 29, 30]) {
      const paged = await searchAllAround(home.centre, limit);
      expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    }
    expect(all).toHaveLength(40);
    const tied = all.filter((i) => sameIds.has(i.id)).map((i) => i.id);
    expect(tied).toEqual([...tied].sort());
    // Tied listings sit together, in one run.
    const first = all.findIndex((i) => sameIds.has(i.id));
    expect(all.slice(first, first + 30).every((i) => sameIds.has(i.id))).toBe(true);

    async function searchAllAround(c: LatLng, limit: number) {
      return searchAll({ lat: c.lat, lng: c.lng, radius: 2000, limit });
    }
  });

  it.each([
    ['Saint-Denis de La Réunion', { lat: -20.8823, lng: 55.4504 }],
    ['Pointe-à-Pitre (Guadeloupe)', { lat: 16.2411, lng: -61.5331 }],
    ['Wallis-et-Futuna, across the antimeridian', { lat: -14.2938, lng: 179.99 }],
  ])(
    'should order exactly nearest first and page without gaps overseas too: %s',
    async (_name, centre) => {
      const overseas = await createTown(t.ds, { centre, halfSideM: 6000 });
      const owner = await registerUser(t.url, overseas, overseas.centre);
      const raw: RawListing[] = Array.from({ length: 120 }, (_, i) => ({
        ownerId: owner.id,
        municipalityId: overseas.id,
        kind: 'give' as const,
        category: 'books-media' as const,
        title: `Outre-mer ${i}`,
        exact: overseas.centre,
        public: destination(overseas.centre, rnd() * 360, 4000 * Math.sqrt(rnd())),
      }));
      const ids = await insertListings(t.ds, raw);
      const mine = raw.map((l, i) => ({ ...l, id: ids[i]! }));
      const snapped = snapToGrid(centre);
      const want = mine
        .map((l) => ({ l, d: haversineMetres(snapped, l.public) }))
        .filter(({ d }) => Math.abs(d - 3000) >= 0.5 && d <= 3000)
        .sort((a, b) => a.d - b.d);
      const edge = new Set(
        mine
          .filter((l) => Math.abs(haversineMetres(snapped, l.public) - 3000) < 0.5)
          .map((l) => l.id),
      );
      const got = (
        await searchAll({ lat: centre.lat, lng: centre.lng, radius: 3000, limit: 7 })
      ).filter((i) => !edge.has(i.id));
      expect(got.map((i) => i.id)).toEqual(want.map(({ l }) => l.id));
      for (const [k, item] of got.entries()) expect(item.distance).toBe(distanceBucket(want[k]!.d));
      expect(want.length).toBeGreaterThan(40);
    },
  );

  describe('text search', () => {
    let far: TestTown;
    let user: TestUser;
    const titles: Record<string, string> = {};

    beforeAll(async () => {
      far = await createTown(t.ds);
      user = await registerUser(t.url, far, far.centre);
      const make = async (title: string, description = '') => {
        const res = await request(t.url)
          .post('/api/v1/listings')
          .set('Authorization', `Bearer ${user.token}`)
          .send({ kind: 'lend', category: 'tools', title, description });
        expect(res.status).toBe(201);
        titles[res.body.id] = title;
      };
      await make('Perceuse à percussion Bosch', 'Avec forets béton');
      await make('Échelle télescopique', 'Légère, 3,80 mètres');
      await make('Tondeuse électrique', 'Pour petites pelouses');
      await make('Lot de livres', 'Romans et bandes dessinées, très bon état');
    });

    const find = async (q: string) => {
      const res = await request(t.url)
        .get('/api/v1/listings')
        .query({ lat: far.centre.lat, lng: far.centre.lng, radius: 3000, q })
        .set('Authorization', `Bearer ${user.token}`);
      expect(res.status).toBe(200);
      return (res.body.items as ListingSearchItem[]).map((i) => i.title).sort();
    };

    it.each([
      ['perceuse', ['Perceuse à percussion Bosch']],
      ['PERCEUSES', ['Perceuse à percussion Bosch']],
      ['echelle', ['Échelle télescopique']],
      ['télescopiques', ['Échelle télescopique']],
      ['beton', ['Perceuse à percussion Bosch']],
      ['dessinee', ['Lot de livres']],
      ['tond', ['Tondeuse électrique']],
      ['perceuse tondeuse', []],
      ['aspirateur', []],
    ])('should find %s accents and case aside', async (q, want) => {
      expect(await find(q)).toEqual(want);
    });

    it.each([
      ['percseuse', ['Perceuse à percussion Bosch']],
      ['tondeuze', ['Tondeuse électrique']],
      ['echele telescopique', ['Échelle télescopique']],
    ])(
      'should fall back on titles most like %s when the words find nothing (typos)',
      async (q, want) => {
        expect(await find(q)).toEqual(want);
      },
    );
  });
});
