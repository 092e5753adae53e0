import { destination } from '@partagora/geo';
import sharp from 'sharp';
import request from 'supertest';
import { registerOrganisation, verifyOrganisation } from './factories/events';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const HOURS = {
  monday: [
    { opens: '08:30', closes: '12:30' },
    { opens: '14:00', closes: '19:00' },
  ],
  saturday: [{ opens: '08:00', closes: '13:00' }],
  closures: ['2026-12-25'],
};

describe('organisations', () => {
  let t: TestApp;
  let town: TestTown;
  let other: TestTown;
  let shopkeeper: TestUser;
  let neighbour: TestUser;
  let staff: TestUser;
  let otherStaff: TestUser;

  const api = (path: string, user?: TestUser) => {
    const r = request(t.url);
    return {
      get: () => (user ? r.get(path).set('Authorization', `Bearer ${user.token}`) : r.get(path)),
      post: (body?: object) => {
        const req = r.post(path);
        if (user) req.set('Authorization', `Bearer ${user.token}`);
        return body ? req.send(body) : req;
      },
      patch: (body: object) => {
        const req = r.patch(path);
        if (user) req.set('Authorization', `Bearer ${user.token}`);
        return req.send(body);
      },
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    other = await createTown(t.ds);
    shopkeeper = await registerUser(t.url, town, town.centre, 'Marie Boulangère');
    neighbour = await registerUser(t.url, town, destination(town.centre, 90, 500), 'Voisin');
    staff = await registerUser(t.url, town, destination(town.centre, 180, 300), 'Agent');
    otherStaff = await registerUser(t.url, other, other.centre, 'Agent ailleurs');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    await grantRole(t.ds, otherStaff.id, other.id, 'staff');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should register a pending shop whose creator becomes its admin, hidden from the public', async () => {
    const res = await api('/api/v1/organisations', shopkeeper).post({
      municipality: town.slug,
      kind: 'shop',
      name: 'Boulangerie Le Fournil',
      address: '12 rue de la Mairie',
      location: destination(town.centre, 45, 150),
      openingHours: HOURS,
      description: 'Pain au levain',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'pending' });
    const id = res.body.id as string;
    const members = await t.ds.query(
      `SELECT user_id, role FROM organisation_members WHERE organisation_id = $1`,
      [id],
    );
    expect(members).toEqual([{ user_id: shopkeeper.id, role: 'admin' }]);

    const mine = await api(`/api/v1/organisations/${id}`, shopkeeper).get().expect(200);
    expect(mine.body).toMatchObject({
      id,
      kind: 'shop',
      status: 'pending',
      name: 'Boulangerie Le Fournil',
      address: '12 rue de la Mairie',
      openingHours: HOURS,
      myRole: 'admin',
      municipality: { slug: town.slug },
    });
    for (const who of [undefined, neighbour, otherStaff]) {
      const res = await api(`/api/v1/organisations/${id}`, who).get();
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ORGANISATION_NOT_FOUND');
    }
    await api(`/api/v1/organisations/${id}`, staff).get().expect(200);

    const publicList = await api(`/api/v1/municipalities/${town.slug}/organisations`).get();
    expect(publicList.status).toBe(200);
    expect(publicList.body.items.map((o: { kind: string }) => o.kind)).toEqual(['town_hall']);
    const staffList = await api(
      `/api/v1/municipalities/${town.slug}/organisations?status=pending`,
      staff,
    ).get();
    expect(staffList.body.items.map((o: { id: string }) => o.id)).toContain(id);
    const neighbourList = await api(
      `/api/v1/municipalities/${town.slug}/organisations`,
      neighbour,
    ).get();
    expect(neighbourList.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
  });

  it('should let only staff of its own town verify it, and record it in the audit log', async () => {
    const id = await registerOrganisation(t.url, shopkeeper, town, { name: 'Épicerie Dupont' });
    // Staff of another town and a resident learn nothing about a pending organisation.
    for (const who of [otherStaff, neighbour]) {
      const res = await api(`/api/v1/organisations/${id}/verify`, who).post();
      expect(res.status).toBe(404);
    }
    // Its own admin sees it but cannot verify it.
    const self = await api(`/api/v1/organisations/${id}/verify`, shopkeeper).post();
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('FORBIDDEN');

    const ok = await api(`/api/v1/organisations/${id}/verify`, staff).post();
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'verified' });
    const again = await api(`/api/v1/organisations/${id}/verify`, staff).post();
    expect(again.body).toEqual({ status: 'verified' });

    const audit = await api(`/api/v1/municipalities/${town.slug}/audit`, staff).get().expect(200);
    const entries = audit.body.items.filter((e: { targetId: string }) => e.targetId === id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'organisation.verify',
        targetType: 'organisation',
        actor: { id: staff.id, displayName: 'Agent' },
      }),
    ]);

    const pub = await api(`/api/v1/organisations/${id}`).get().expect(200);
    expect(pub.body).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    expect(pub.body.myRole).toBeNull();
    const list = await api(`/api/v1/municipalities/${town.slug}/organisations`).get();
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);
    // Another town's list never shows it.
    const elsewhere = await api(`/api/v1/municipalities/${other.slug}/organisations`).get();
    expect(elsewhere.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
  });

  it('should let admins edit opening hours, and a hand-over point only once verified', async () => {
    const id = await registerOrganisation(t.url, shopkeeper, town, {
      kind: 'association',
      name: 'Les Jardins Partagés',
    });
    const bad = await api(`/api/v1/organisations/${id}`, shopkeeper).patch({
      openingHours: { monday: [{ opens: '14:00', closes: '09:00' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details[0].path).toBe('openingHours.monday.0.closes');
    const overlap = await api(`/api/v1/organisations/${id}`, shopkeeper).patch({
      openingHours: {
        monday: [
          { opens: '09:00', closes: '12:00' },
          { opens: '11:00', closes: '13:00' },
        ],
      },
    });
    expect(overlap.status).toBe(400);

    const ok = await api(`/api/v1/organisations/${id}`, shopkeeper).patch({
      openingHours: HOURS,
      description: 'Jardin ouvert à tous',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ openingHours: HOURS, description: 'Jardin ouvert à tous' });

    const early = await api(`/api/v1/organisations/${id}`, shopkeeper).patch({
      handoverPoint: true,
    });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('ORGANISATION_NOT_VERIFIED');

    await api(`/api/v1/organisations/${id}`, neighbour)
      .patch({ description: 'pirate' })
      .expect(404);
    await verifyOrganisation(t.url, staff, id);
    const stranger = await api(`/api/v1/organisations/${id}`, neighbour).patch({
      description: 'pirate',
    });
    expect(stranger.status).toBe(403);
    const handover = await api(`/api/v1/organisations/${id}`, shopkeeper).patch({
      handoverPoint: true,
    });
    expect(handover.status).toBe(200);
    expect(handover.body.handoverPoint).toBe(true);
  });

  it('should take a logo through the photo pipeline, for admins only', async () => {
    const id = await registerOrganisation(t.url, shopkeeper, town, { name: 'Fleurs & Cie' });
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 90 } },
    })
      .withExif({ IFD0: { Copyright: 'secret-exif' } })
      .png()
      .toBuffer();
    const denied = await request(t.url)
      .post(`/api/v1/organisations/${id}/logo`)
      .set('Authorization', `Bearer ${staff.token}`)
      .attach('photo', png, 'logo.png');
    expect(denied.status).toBe(403);
    const res = await request(t.url)
      .post(`/api/v1/organisations/${id}/logo`)
      .set('Authorization', `Bearer ${shopkeeper.token}`)
      .attach('photo', png, 'logo.png');
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/api\/v1\/photos\/[0-9a-f-]+\/full\.webp$/);
    const file = await request(t.url).get(res.body.url).expect(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.body.toString('latin1')).not.toContain('secret-exif');
    const org = await api(`/api/v1/organisations/${id}`, shopkeeper).get();
    expect(org.body.logo).toEqual(res.body);

    const junk = await request(t.url)
      .post(`/api/v1/organisations/${id}/logo`)
      .set('Authorization', `Bearer ${shopkeeper.token}`)
      .attach('photo', Buffer.from('not an image at all'), 'x.png');
    expect(junk.status).toBe(415);
  });

  it('should refuse bad registrations with 4xx and page the list with a cursor', async () => {
    const cases: Array<[object, number]> = [
      [
        {
          municipality: town.slug,
          kind: 'town_hall',
          name: 'Fausse mairie',
          address: '1 rue X',
          location: town.centre,
        },
        400,
      ],
      [
        {
          municipality: 'nowhere',
          kind: 'shop',
          name: 'Nulle part',
          address: '1 rue X',
          location: town.centre,
        },
        404,
      ],
      [
        {
          municipality: town.slug,
          kind: 'shop',
          name: 'X',
          address: '1 rue X',
          location: { lat: 99, lng: 0 },
        },
        400,
      ],
    ];
    for (const [body, status] of cases) {
      const res = await api('/api/v1/organisations', neighbour).post(body);
      expect(res.status).toBe(status);
    }
    await api('/api/v1/organisations').post({}).expect(401);
    await api('/api/v1/organisations/not-a-uuid').get().expect(404);

    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await api(`/api/v1/municipalities/${town.slug}/organisations?limit=1${q}`).get();
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      for (const o of res.body.items) ids.add(o.id);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const all = await api(`/api/v1/municipalities/${town.slug}/organisations`).get();
    expect([...ids].sort()).toEqual(all.body.items.map((o: { id: string }) => o.id).sort());
    expect(all.body.items[0].kind).toBe('town_hall');
    await api(`/api/v1/municipalities/${town.slug}/organisations?cursor=zzz`).get().expect(400);
  });
});
