import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { InitiativesController } from '../src/modules/initiatives/initiatives.controller';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
}

describe(InitiativesController.name, () => {
  let ctx: TestApp;
  let townA: TestTown;
  let townB: TestTown;
  let staffA: TestUser;
  let staffB: TestUser;
  let resident: TestUser;

  const api = () => request(ctx.url);
  const as = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const body = (over: Record<string, unknown> = {}) => ({
    name: 'Repair café du marché',
    practice: 'repair-cafe',
    description: 'Le premier samedi du mois, salle des fêtes.',
    location: destination(townA.centre, 45, 400),
    url: 'https://repair.example.org',
    ...over,
  });
  const create = (u: TestUser, slug: string, b: object) =>
    api().post(`/api/v1/municipalities/${slug}/initiatives`).set(as(u)).send(b);

  beforeAll(async () => {
    ctx = await startTestApp();
    townA = await createTown(ctx.ds);
    townB = await createTown(ctx.ds);
    staffA = await registerUser(ctx.url, townA, destination(townA.centre, 10, 300), 'Agent A');
    staffB = await registerUser(ctx.url, townB, destination(townB.centre, 10, 300), 'Agent B');
    resident = await registerUser(ctx.url, townA, destination(townA.centre, 200, 500), 'Voisin');
    await grantRole(ctx.ds, staffA.id, townA.id, 'staff');
    await grantRole(ctx.ds, staffB.id, townB.id, 'staff');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('should let that town staff add an initiative that anyone reads without an account', async () => {
    const res = await create(staffA, townA.slug, body());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      name: 'Repair café du marché',
      practice: 'repair-cafe',
      url: 'https://repair.example.org',
    });
    const list = await api().get(`/api/v1/municipalities/${townA.slug}/initiatives`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: res.body.id,
        name: 'Repair café du marché',
        practice: 'repair-cafe',
        description: 'Le premier samedi du mois, salle des fêtes.',
        location: {
          lat: expect.closeTo(body().location.lat, 6),
          lng: expect.closeTo(body().location.lng, 6),
        },
        url: 'https://repair.example.org',
      }),
    ]);
    expect(list.body.nextCursor).toBeNull();
    const other = await api().get(`/api/v1/municipalities/${townB.slug}/initiatives`);
    expect(other.body.items).toEqual([]);
  });

  it('should refuse writes from residents, other towns staff and anonymous callers', async () => {
    expectError(await create(resident, townA.slug, body()), 403, 'FORBIDDEN');
    expectError(await create(staffB, townA.slug, body()), 403, 'FORBIDDEN');
    expectError(
      await api().post(`/api/v1/municipalities/${townA.slug}/initiatives`).send(body()),
      401,
      'UNAUTHENTICATED',
    );
    const made = await create(
      staffA,
      townA.slug,
      body({ name: 'AMAP des remparts', practice: 'amap' }),
    );
    const id = made.body.id as string;
    expectError(
      await api().patch(`/api/v1/initiatives/${id}`).set(as(staffB)).send({ name: 'Volé' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api().patch(`/api/v1/initiatives/${id}`).set(as(resident)).send({ name: 'Volé' }),
      403,
      'FORBIDDEN',
    );
    expectError(await api().delete(`/api/v1/initiatives/${id}`).set(as(staffB)), 403, 'FORBIDDEN');
    const still = await api().get(`/api/v1/initiatives/${id}`);
    expect(still.body.name).toBe('AMAP des remparts');
  });

  it('should let staff edit and remove; an unknown or malformed id is a 404', async () => {
    const made = await create(staffA, townA.slug, body({ name: 'Fablab', practice: 'fablab' }));
    const id = made.body.id as string;
    const edited = await api()
      .patch(`/api/v1/initiatives/${id}`)
      .set(as(staffA))
      .send({ name: 'Fablab de la Rance', url: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Fablab de la Rance',
      practice: 'fablab',
      url: null,
    });
    expect((await api().delete(`/api/v1/initiatives/${id}`).set(as(staffA))).status).toBe(204);
    expectError(await api().get(`/api/v1/initiatives/${id}`), 404, 'INITIATIVE_NOT_FOUND');
    expectError(
      await api().delete(`/api/v1/initiatives/${id}`).set(as(staffA)),
      404,
      'INITIATIVE_NOT_FOUND',
    );
    expectError(await api().get('/api/v1/initiatives/not-a-uuid'), 404, 'INITIATIVE_NOT_FOUND');
  });

  it('should refuse unknown practices and bad addresses with field paths', async () => {
    const res = await create(
      staffA,
      townA.slug,
      body({ practice: 'casino', url: 'javascript:alert(1)' }),
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = (res.body.error.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['practice', 'url']);
    expectError(
      await api().get('/api/v1/municipalities/nowhere/initiatives'),
      404,
      'MUNICIPALITY_NOT_FOUND',
    );
  });

  it('should page the list and filter it by practice', async () => {
    const town = await createTown(ctx.ds);
    const staff = await registerUser(ctx.url, town, destination(town.centre, 0, 200), 'Agent C');
    await grantRole(ctx.ds, staff.id, town.id, 'staff');
    for (const [i, practice] of ['shared-garden', 'time-bank', 'shared-garden'].entries()) {
      const r = await create(staff, town.slug, {
        ...body(),
        name: `Initiative ${i}`,
        practice,
        location: town.centre,
      });
      expect(r.status).toBe(201);
    }
    const first = await api().get(`/api/v1/municipalities/${town.slug}/initiatives?limit=2`);
    expect(first.body.items.map((i: { name: string }) => i.name)).toEqual([
      'Initiative 0',
      'Initiative 1',
    ]);
    const second = await api().get(
      `/api/v1/municipalities/${town.slug}/initiatives?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(['Initiative 2']);
    expect(second.body.nextCursor).toBeNull();
    const gardens = await api().get(
      `/api/v1/municipalities/${town.slug}/initiatives?practice=shared-garden`,
    );
    expect(gardens.body.items).toHaveLength(2);
    expectError(
      await api().get(`/api/v1/municipalities/${town.slug}/initiatives?cursor=bm90LWEtY3Vyc29y`),
      400,
      'INVALID_CURSOR',
    );
  });
});
