import { destination } from '@partagora/geo';
import request from 'supertest';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { demoAccounts, seedDemo } from '../src/database/seed/demo-seed';
import { ProfilesService } from '../src/modules/reviews/profiles.service';
import { createListing, period, requestExchange } from './factories/exchanges';
import { completedGift, getProfile, postReview } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(ProfilesService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let veteran: TestUser;
  let newcomer: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    veteran = await registerUser(t.url, town, town.centre, 'Vétérane');
    newcomer = await registerUser(t.url, town, destination(town.centre, 90, 600), 'Nouveau');
    other = await registerUser(t.url, town, destination(town.centre, 200, 600), 'Autre');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should show a new member with zeros, a null score and nothing private', async () => {
    const res = await getProfile(t.url, other, newcomer.id).expect(200);
    expect(res.body).toEqual({
      id: newcomer.id,
      displayName: 'Nouveau',
      municipality: { slug: town.slug, name: expect.stringMatching(/^Testville/) },
      memberSince: expect.any(String),
      verified: false,
      reputation: {
        completed: { loan: 0, gift: 0, swap: 0, answer: 0, total: 0 },
        ratingCount: 0,
        score: null,
        onTimeReturns: 0,
        lateReturns: 0,
        noShows: 0,
      },
      reviews: [],
      blockedByMe: false,
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(newcomer.email);
    expect(text).not.toContain(String(newcomer.home.lat));
    expect(text).not.toContain(String(newcomer.approxHome.lat));
    expect(res.body).not.toHaveProperty('email');
    expect(res.body).not.toHaveProperty('home');
  });

  it('should rank a newcomer with one 5★ below a veteran with many 5★', async () => {
    for (let i = 0; i < 6; i++) {
      const id = await completedGift(t.url, veteran, other);
      await postReview(t.url, other, id, { rating: 5 }).expect(201);
      await postReview(t.url, veteran, id, { rating: 5 }).expect(201);
    }
    const id = await completedGift(t.url, newcomer, other);
    await postReview(t.url, other, id, { rating: 5 }).expect(201);
    await postReview(t.url, newcomer, id, { rating: 5 }).expect(201);
    const v = (await getProfile(t.url, newcomer, veteran.id).expect(200)).body;
    const n = (await getProfile(t.url, veteran, newcomer.id).expect(200)).body;
    expect(v.reputation).toMatchObject({ ratingCount: 6, completed: { gift: 6, total: 6 } });
    expect(n.reputation).toMatchObject({ ratingCount: 1, completed: { gift: 1, total: 1 } });
    expect(n.reputation.score).toBeLessThan(v.reputation.score);
    expect(n.reputation.score).toBeLessThan(5);
    expect(v.reviews).toHaveLength(6);
    expect(v.reviews[0]).toEqual({
      rating: 5,
      comment: null,
      createdAt: expect.any(String),
      author: { id: other.id, displayName: 'Autre' },
    });
  });

  it('should count on-time and late returns and no-shows from the recorded exchange facts', async () => {
    const lender = await registerUser(t.url, town, destination(town.centre, 300, 400), 'Prêteur');
    const borrower = await registerUser(t.url, town, destination(town.centre, 310, 400), 'Emp');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const listingId = await createListing(t.url, lender, {
        kind: 'lend',
        category: 'tools',
        title: `Outil ${i}`,
        loanSettings: { bufferHours: 0 },
      });
      const res = await requestExchange(t.url, borrower, listingId, period(2 + i, 1));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // The facts as the exchange steps record them (returned_late on return, no_show status).
    await t.ds.query(
      `UPDATE exchanges SET status = 'completed', returned_late = false WHERE id = ANY($1::uuid[])`,
      [[ids[0], ids[1]]],
    );
    await t.ds.query(
      `UPDATE exchanges SET status = 'returned', returned_late = true WHERE id = $1`,
      [ids[2]],
    );
    await t.ds.query(`UPDATE exchanges SET status = 'no_show' WHERE id = $1`, [ids[3]]);
    const b = (await getProfile(t.url, lender, borrower.id).expect(200)).body.reputation;
    expect(b).toMatchObject({
      completed: { loan: 2, total: 2 },
      onTimeReturns: 2,
      lateReturns: 1,
      noShows: 1,
    });
    const l = (await getProfile(t.url, borrower, lender.id).expect(200)).body.reputation;
    expect(l).toMatchObject({
      completed: { loan: 2 },
      onTimeReturns: 0,
      lateReturns: 0,
      noShows: 0,
    });
  });

  it('should show the verified badge from the users table', async () => {
    // `verified_at` goes with `verification` (ck_users_verified_at, decision 0011).
    await t.ds.query(
      `UPDATE users SET verification = 'verified', verified_at = now() WHERE id = $1`,
      [other.id],
    );
    expect((await getProfile(t.url, newcomer, other.id).expect(200)).body.verified).toBe(true);
  });

  it('should answer 401 to anonymous callers and 404 to unknown members', async () => {
    expect((await getProfile(t.url, null, newcomer.id)).status).toBe(401);
    const unknown = await getProfile(t.url, newcomer, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('USER_NOT_FOUND');
    expect((await getProfile(t.url, newcomer, 'nope')).status).toBe(404);
    expect(
      (await request(t.url).get(`/api/v1/users/${newcomer.id}`).set('Authorization', 'Bearer x'))
        .status,
    ).toBe(401);
  });

  it('should let a member read their own profile', async () => {
    const me = await getProfile(t.url, newcomer, newcomer.id).expect(200);
    expect(me.body).toMatchObject({ id: newcomer.id, blockedByMe: false });
  });

  it('should seed demo residents with revealed reviews, idempotently', async () => {
    await seedDemo(t.ds, t.config);
    await seedDemo(t.ds, t.config);
    const town = DEMO_TOWNS[0]!;
    // The two residents `npm start` prints: resident 0 (a veteran), resident 1 (a newcomer).
    const [first, second] = demoAccounts().filter(
      (a) => a.town === town.slug && a.role === 'resident',
    );
    const idOf = async (email: string) =>
      (
        await t.ds.query<Array<{ id: string }>>(`SELECT id FROM users WHERE email = $1`, [email])
      )[0]!;
    const veteranRow = await idOf(first!.email);
    const newcomerRow = await idOf(second!.email);
    const counts = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM reviews r JOIN users u ON u.id = r.subject_id
         JOIN municipalities m ON m.id = u.municipality_id WHERE m.slug = $1`,
      [town.slug],
    );
    expect(counts[0]!.n).toBe(24);
    const v = (await getProfile(t.url, other, veteranRow.id).expect(200)).body;
    expect(v.reputation.ratingCount).toBeGreaterThanOrEqual(6);
    expect(v.reputation.score).toBeGreaterThan(3.5);
    expect(v.reviews.length).toBe(v.reputation.ratingCount);
    const n = (await getProfile(t.url, other, newcomerRow.id).expect(200)).body;
    expect(n.reputation.ratingCount).toBe(1);
    expect(n.reputation.score).toBeLessThan(v.reputation.score);
  });
});
