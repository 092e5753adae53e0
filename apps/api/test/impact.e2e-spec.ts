import { gridCellId } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { ImpactController } from '../src/modules/impact/impact.controller';
import { insertCompletedExchange } from './factories/completed-exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { completedTimes, listingAt } from './support/town-history';
import { type TestApp, startTestApp } from './test-context';

/**
 * Impact figures from a known seed: every count, euro and kilogram below is worked out by hand
 * from the factors of libs/domain (tools loan 15 €, 0.25 kg, 2.5 kg CO2e; …).
 */
describe(ImpactController.name, () => {
  let ctx: TestApp;
  let town: TestTown;
  let other: TestTown;
  const period = 'from=2026-03-01&to=2026-05-01';
  const cellA = () => ({ lat: town.centre.lat + 0.0021, lng: town.centre.lng + 0.0021 });
  const cellB = () => destination(town.centre, 90, 3000);

  beforeAll(async () => {
    ctx = await startTestApp();
    town = await createTown(ctx.ds);
    other = await createTown(ctx.ds);
    const [owner1, owner2, borrower1, borrower2] = (await Promise.all(
      ['Owner One', 'Owner Two', 'Borrower One', 'Borrower Two', 'Idle Member'].map((name, i) =>
        registerUser(ctx.url, town, destination(town.centre, 60 * i, 500 + i * 50), name),
      ),
    )) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const stranger = await registerUser(ctx.url, other, other.centre, 'Stranger');
    const strangerToo = await registerUser(
      ctx.url,
      other,
      destination(other.centre, 0, 400),
      'Stranger 2',
    );
    // Members of the period: accounts opened before it ended.
    await ctx.ds.query(
      `UPDATE users SET created_at = '2026-01-01' WHERE municipality_id = ANY($1)`,
      [[town.id, other.id]],
    );
    const l1 = await listingAt(ctx.ds, town.id, owner1.id, 'lend', 'tools', cellA());
    const l2 = await listingAt(ctx.ds, town.id, owner2.id, 'give', 'clothing', cellA());
    const l3 = await listingAt(ctx.ds, town.id, owner1.id, 'barter', 'furniture', cellB());
    const l4 = await listingAt(ctx.ds, town.id, owner2.id, 'wanted', 'books-media', cellB());
    const l5 = await listingAt(ctx.ds, town.id, owner2.id, 'lend', 'garden', cellB());
    const t = (iso: string) => new Date(iso);
    // March: five loans of the drill (cell A).
    await completedTimes(
      ctx.ds,
      3,
      { kind: 'loan', listingId: l1, ownerId: owner1.id, requesterId: borrower1.id },
      t('2026-03-03T10:00:00Z'),
    );
    await completedTimes(
      ctx.ds,
      2,
      { kind: 'loan', listingId: l1, ownerId: owner1.id, requesterId: borrower2.id },
      t('2026-03-20T10:00:00Z'),
    );
    // April: two gifts (cell A), a swap, an answer and a loan (cell B).
    await completedTimes(
      ctx.ds,
      2,
      { kind: 'gift', listingId: l2, ownerId: owner2.id, requesterId: borrower1.id },
      t('2026-04-02T10:00:00Z'),
    );
    await insertCompletedExchange(ctx.ds, {
      kind: 'swap',
      listingId: l3,
      ownerId: owner1.id,
      requesterId: borrower2.id,
      completedAt: t('2026-04-10T10:00:00Z'),
    });
    await insertCompletedExchange(ctx.ds, {
      kind: 'answer',
      listingId: l4,
      ownerId: owner2.id,
      requesterId: borrower1.id,
      completedAt: t('2026-04-11T10:00:00Z'),
    });
    await insertCompletedExchange(ctx.ds, {
      kind: 'loan',
      listingId: l5,
      ownerId: owner2.id,
      requesterId: borrower2.id,
      completedAt: t('2026-04-12T10:00:00Z'),
    });
    // Not counted: before the period, not completed, another town.
    await insertCompletedExchange(ctx.ds, {
      kind: 'loan',
      listingId: l1,
      ownerId: owner1.id,
      requesterId: borrower1.id,
      completedAt: t('2026-02-27T10:00:00Z'),
    });
    await insertCompletedExchange(ctx.ds, {
      kind: 'loan',
      listingId: l1,
      ownerId: owner1.id,
      requesterId: borrower2.id,
      completedAt: t('2026-03-15T10:00:00Z'),
      status: 'cancelled',
    });
    const foreign = await listingAt(ctx.ds, other.id, stranger.id, 'lend', 'tools', other.centre);
    await completedTimes(
      ctx.ds,
      6,
      { kind: 'loan', listingId: foreign, ownerId: stranger.id, requesterId: strangerToo.id },
      t('2026-03-05T10:00:00Z'),
    );
    // Two neighbourhoods: one around cell A, one around cell B.
    for (const [name, p] of [
      ['Quartier A', cellA()],
      ['Quartier B', cellB()],
    ] as const) {
      await ctx.ds.query(
        `INSERT INTO municipality_neighbourhoods (municipality_id, name, boundary)
         VALUES ($1, $2, ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($3, $4), 4326), 0.002)))`,
        [town.id, name, p.lng, p.lat],
      );
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('should count completed exchanges of the town and period, by kind, with members', async () => {
    const res = await request(ctx.url).get(`/api/v1/municipalities/${town.slug}/impact?${period}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-05-01T00:00:00.000Z',
      members: 5,
      activeMembers: 4,
      exchanges: { loan: 6, gift: 2, swap: 1, answer: 1, total: 10 },
      itemsLent: 2,
      itemsGiven: 1,
    });
  });

  it('should estimate money, waste and CO2e from the category factors', async () => {
    const res = await request(ctx.url).get(`/api/v1/municipalities/${town.slug}/impact?${period}`);
    // 5 tools loans (15 €) + garden loan (25 €) + 2 clothing gifts (8 €) + furniture swap (2 × 40 €) + books answer (4 €)
    expect(res.body.moneySavedEur).toBe(200);
    // 5 × 0.25 + 1.5 + 2 × 0.6 + 2 × 15 + 0.05 kg
    expect(res.body.wasteAvoidedKg).toBeCloseTo(34, 1);
    // 5 × 2.5 + 8 + 2 × 9 + 2 × 36 + 0.15 kg CO2e
    expect(res.body.co2eAvoidedKg).toBeCloseTo(110.65, 0);
    const tools = (res.body.factors as Array<Record<string, unknown>>).find(
      (f) => f.category === 'tools',
    );
    expect(tools).toMatchObject({
      moneySavedPerLoanEur: 15,
      estimate: true,
      source: expect.stringContaining('ADEME'),
    });
    expect(res.body.factors).toHaveLength(13);
  });

  it('should give every month of the period, by kind', async () => {
    const res = await request(ctx.url).get(`/api/v1/municipalities/${town.slug}/impact?${period}`);
    expect(res.body.monthly).toEqual([
      { month: '2026-03', loan: 5, gift: 0, swap: 0, answer: 0, total: 5 },
      { month: '2026-04', loan: 1, gift: 2, swap: 1, answer: 1, total: 5 },
    ]);
  });

  it('should map only the cells and neighbourhoods of at least five exchanges', async () => {
    const res = await request(ctx.url).get(`/api/v1/municipalities/${town.slug}/impact?${period}`);
    expect(gridCellId(cellA())).not.toBe(gridCellId(cellB()));
    expect(res.body.areas.minimumCount).toBe(5);
    expect(res.body.areas.cells).toEqual([
      {
        id: gridCellId(cellA()),
        exchanges: 7,
        bounds: expect.objectContaining({ south: expect.any(Number) }),
      },
    ]);
    const b = res.body.areas.cells[0].bounds;
    expect(cellA().lat).toBeGreaterThanOrEqual(b.south);
    expect(cellA().lat).toBeLessThan(b.north);
    expect(res.body.areas.neighbourhoods).toEqual([
      expect.objectContaining({
        name: 'Quartier A',
        exchanges: 7,
        geometry: expect.objectContaining({ type: 'MultiPolygon' }),
      }),
    ]);
  });

  it('should default to the last twelve months, and refuse a reversed period or an unknown town', async () => {
    const res = await request(ctx.url).get(`/api/v1/municipalities/${town.slug}/impact`);
    expect(res.status).toBe(200);
    const span = Date.parse(res.body.to) - Date.parse(res.body.from);
    expect(span).toBeGreaterThan(360 * 86_400_000);
    expect(span).toBeLessThan(367 * 86_400_000);
    const bad = await request(ctx.url).get(
      `/api/v1/municipalities/${town.slug}/impact?from=2026-05-01&to=2026-03-01`,
    );
    expect({ status: bad.status, code: bad.body.error.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const junk = await request(ctx.url).get(
      `/api/v1/municipalities/${town.slug}/impact?from=yesterday`,
    );
    expect(junk.status).toBe(400);
    const none = await request(ctx.url).get('/api/v1/municipalities/nowhere/impact');
    expect({ status: none.status, code: none.body.error.code }).toEqual({
      status: 404,
      code: 'MUNICIPALITY_NOT_FOUND',
    });
  });
});
