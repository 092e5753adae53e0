import type { ListingView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { ListingsController } from '../src/modules/listings/listings.controller';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(ListingsController.name, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let neighbour: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Camille');
    neighbour = await registerUser(t.url, town, destination(town.centre, 0, 700), 'Louis');
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const create = (body: Record<string, unknown>) =>
    request(t.url).post('/api/v1/listings').set(as(owner)).send(body);

  it('should create a loan listing with defaults, the owner and the town, at the owner home approximately', async () => {
    const res = await create({
      kind: 'lend',
      category: 'tools',
      title: '  Perceuse  ',
      description: 'Forets fournis',
    });
    expect(res.status).toBe(201);
    const l = res.body as ListingView;
    expect(l).toMatchObject({
      kind: 'lend',
      category: 'tools',
      title: 'Perceuse',
      status: 'available',
      owner: { id: owner.id, displayName: 'Camille' },
      municipality: town.slug,
      loanSettings: {
        maxDays: 7,
        bufferHours: 2,
        depositNote: null,
        autoAccept: false,
      },
      condition: null,
    });
    expect(l.approxLocation).toEqual(owner.approxHome);
  });

  it('should keep loan settings only for loans', async () => {
    const res = await create({
      kind: 'give',
      category: 'furniture',
      title: 'Commode',
      condition: 'fair',
    });
    expect(res.status).toBe(201);
    expect(res.body.loanSettings).toBeNull();
    expect(res.body.condition).toBe('fair');
  });

  it('should let a neighbour read it, and only the owner change or remove it', async () => {
    const { body: created } = await create({
      kind: 'lend',
      category: 'garden',
      title: 'Tondeuse',
    });
    const read = await request(t.url).get(`/api/v1/listings/${created.id}`).set(as(neighbour));
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('Tondeuse');

    const forbidden = await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(neighbour))
      .send({ title: 'À moi' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const notDeleted = await request(t.url)
      .delete(`/api/v1/listings/${created.id}`)
      .set(as(neighbour));
    expect(notDeleted.status).toBe(403);

    // Auto-accept is for organisations' listings: a resident's PATCH asking for it changes nothing.
    const autoAccept = await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({ title: 'Tondeuse électrique', loanSettings: { maxDays: 3, autoAccept: true } });
    expect(autoAccept.status).toBe(422);
    expect(autoAccept.body.error).toMatchObject({
      code: 'AUTO_ACCEPT_NOT_ALLOWED',
      details: [{ path: 'loanSettings.autoAccept' }],
    });
    expect(
      (await request(t.url).get(`/api/v1/listings/${created.id}`).set(as(owner))).body.title,
    ).toBe('Tondeuse');

    const patched = await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({
        title: 'Tondeuse électrique',
        loanSettings: { maxDays: 3, autoAccept: false },
      });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe('Tondeuse électrique');
    expect(patched.body.loanSettings).toMatchObject({
      maxDays: 3,
      autoAccept: false,
      bufferHours: 2,
    });

    const deleted = await request(t.url).delete(`/api/v1/listings/${created.id}`).set(as(owner));
    expect(deleted.status).toBe(204);
    const gone = await request(t.url).get(`/api/v1/listings/${created.id}`).set(as(owner));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('LISTING_NOT_FOUND');
    const again = await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({ title: 'Retour' });
    expect(again.status).toBe(404);
  });

  it('should hide a paused listing from neighbours and from search, but not from its owner', async () => {
    const { body: created } = await create({
      kind: 'lend',
      category: 'party',
      title: 'Tonnelle pliante',
    });
    await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({ status: 'paused' })
      .expect(200);
    expect(
      (await request(t.url).get(`/api/v1/listings/${created.id}`).set(as(neighbour))).status,
    ).toBe(404);
    expect((await request(t.url).get(`/api/v1/listings/${created.id}`).set(as(owner))).status).toBe(
      200,
    );
    const search = await request(t.url)
      .get('/api/v1/listings')
      .query({ lat: town.centre.lat, lng: town.centre.lng, q: 'tonnelle' })
      .set(as(neighbour));
    expect(search.body.items).toEqual([]);
    await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({ status: 'available' })
      .expect(200);
    const back = await request(t.url)
      .get('/api/v1/listings')
      .query({ lat: town.centre.lat, lng: town.centre.lng, q: 'tonnelle' })
      .set(as(neighbour));
    expect(back.body.items.map((i: ListingView) => i.id)).toEqual([created.id]);
  });

  it('should refuse statuses an owner may not set directly', async () => {
    const { body: created } = await create({
      kind: 'give',
      category: 'books-media',
      title: 'Livres',
    });
    const res = await request(t.url)
      .patch(`/api/v1/listings/${created.id}`)
      .set(as(owner))
      .send({ status: 'hidden' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('status');
  });

  it('should record a listing.created outbox row in the same transaction as the listing', async () => {
    const { body: created } = await create({
      kind: 'wanted',
      category: 'mobility',
      title: 'Cherche vélo cargo',
    });
    const rows = await t.ds.query(
      `SELECT type, payload FROM outbox_events WHERE payload->>'listingId' = $1`,
      [created.id],
    );
    expect(rows).toEqual([
      {
        type: 'listing.created',
        payload: { listingId: created.id, ownerId: owner.id },
      },
    ]);
  });

  it('should return clusters on a wide map and points on a narrow one', async () => {
    const many = await startTestApp({ MAP_POINTS_MAX: '10' });
    try {
      for (let i = 0; i < 12; i++) {
        await request(many.url)
          .post('/api/v1/listings')
          .set(as(owner))
          .send({
            kind: 'lend',
            category: 'tools',
            title: `Outil ${i}`,
            location: destination(town.centre, i * 30, 300 + i * 200),
          })
          .expect(201);
      }
      const c = town.centre;
      const wide = await request(many.url)
        .get('/api/v1/listings/map')
        .query({
          bbox: [c.lng - 0.1, c.lat - 0.1, c.lng + 0.1, c.lat + 0.1].join(','),
          zoom: 11,
        })
        .set(as(neighbour));
      expect(wide.status).toBe(200);
      expect(wide.body.mode).toBe('clusters');
      expect(wide.body.total).toBeGreaterThan(10);
      expect(wide.body.clusters.reduce((n: number, k: { count: number }) => n + k.count, 0)).toBe(
        wide.body.total,
      );
      const narrow = await request(many.url)
        .get('/api/v1/listings/map')
        .query({
          bbox: [c.lng - 0.1, c.lat - 0.1, c.lng + 0.1, c.lat + 0.1].join(','),
          zoom: 18,
        })
        .set(as(neighbour));
      expect(narrow.body.mode).toBe('points');
      // Panning keeps every cluster of the overlap as it was (cells on a fixed grid, whole).
      const cell = 360 / 2 ** 11 / 4;
      const panned = await request(many.url)
        .get('/api/v1/listings/map')
        .query({
          bbox: [c.lng - 0.1 + 0.037, c.lat - 0.1, c.lng + 0.1 + 0.037, c.lat + 0.1].join(','),
          zoom: 11,
        })
        .set(as(neighbour));
      type Cluster = { location: { lat: number; lng: number }; count: number };
      const inOverlap = (k: Cluster) =>
        k.location.lng > c.lng - 0.1 + 0.037 + cell && k.location.lng < c.lng + 0.1 - cell;
      const before = (wide.body.clusters as Cluster[]).filter(inOverlap);
      expect(before.length).toBeGreaterThan(0);
      expect((panned.body.clusters as Cluster[]).filter(inOverlap)).toEqual(
        expect.arrayContaining(before),
      );
      expect(narrow.body.points.length).toBeGreaterThan(0);
      expect(narrow.body.points[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          title: expect.any(String),
          approxLocation: expect.any(Object),
        }),
      );
    } finally {
      await many.close();
    }
  });
});
