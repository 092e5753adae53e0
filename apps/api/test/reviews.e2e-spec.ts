import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { ReviewTimersService } from '../src/modules/reviews/review-timers.service';
import { ReviewsService } from '../src/modules/reviews/reviews.service';
import { WorkerModule } from '../src/worker.module';
import { act, createListing, requestExchange } from './factories/exchanges';
import { completedGift, eventually, getProfile, postReview } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(ReviewsService.name, () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let owner: TestUser;
  let requester: TestUser;
  let third: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_SWEEP_MS: '600000' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Odile');
    requester = await registerUser(t.url, town, destination(town.centre, 90, 700), 'Rémi');
    third = await registerUser(t.url, town, destination(town.centre, 180, 700), 'Tiers');
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const revealedAt = async (exchangeId: string) =>
    (
      await t.ds.query<Array<{ author_id: string; revealed_at: Date | null }>>(
        `SELECT author_id, revealed_at FROM reviews WHERE exchange_id = $1 ORDER BY created_at`,
        [exchangeId],
      )
    ).map((r) => r.revealed_at !== null);

  const notificationsOf = (userId: string, kind: string, exchangeId: string) =>
    t.ds.query<Array<{ data: Record<string, unknown> }>>(
      `SELECT data FROM notifications WHERE user_id = $1 AND kind = $2 AND data->>'exchangeId' = $3`,
      [userId, kind, exchangeId],
    );

  it.each([
    ['the owner first', 'owner'],
    ['the requester first', 'requester'],
  ] as const)(
    'should keep the first review hidden until the second, then reveal both (%s)',
    async (_c, first) => {
      // A fresh pair, so the profiles show this exchange's reviews only.
      const o = await registerUser(t.url, town, destination(town.centre, 30, 500), 'Odile');
      const r = await registerUser(t.url, town, destination(town.centre, 60, 500), 'Rémi');
      const id = await completedGift(t.url, o, r);
      const [a, b] = first === 'owner' ? [o, r] : [r, o];
      const one = await postReview(t.url, a, id, { rating: 5, comment: '  Très sympa  ' });
      expect(one.status).toBe(201);
      expect(one.body).toEqual({
        id: expect.any(String),
        exchangeId: id,
        authorId: a.id,
        subjectId: b.id,
        rating: 5,
        comment: 'Très sympa',
        revealed: false,
        createdAt: expect.any(String),
      });
      // Nobody sees it yet, its subject included.
      for (const viewer of [b, a, third]) {
        const p = await getProfile(t.url, viewer, b.id).expect(200);
        expect(p.body.reviews).toEqual([]);
      }
      const theirView = await request(t.url)
        .get(`/api/v1/exchanges/${id}/review`)
        .set('Authorization', `Bearer ${b.token}`)
        .expect(200);
      expect(theirView.body).toMatchObject({ canReview: true, mine: null, theirs: null });

      const two = await postReview(t.url, b, id, { rating: 4 });
      expect(two.status).toBe(201);
      expect(two.body).toMatchObject({ revealed: true, comment: null, subjectId: a.id });
      expect(await revealedAt(id)).toEqual([true, true]);

      const p = await getProfile(t.url, third, b.id).expect(200);
      expect(p.body.reviews).toEqual([
        {
          rating: 5,
          comment: 'Très sympa',
          createdAt: expect.any(String),
          author: { id: a.id, displayName: first === 'owner' ? 'Odile' : 'Rémi' },
        },
      ]);
      expect(p.body.reputation).toMatchObject({ ratingCount: 1, score: 3.8 });
      const mine = await request(t.url)
        .get(`/api/v1/exchanges/${id}/review`)
        .set('Authorization', `Bearer ${b.token}`)
        .expect(200);
      expect(mine.body).toMatchObject({
        canReview: false,
        mine: { rating: 4, revealed: true },
        theirs: { rating: 5, revealed: true },
      });
      // Each subject is told, through the worker.
      for (const subject of [a, b]) {
        const rows = await eventually('review_revealed', async () => {
          const n = await notificationsOf(subject.id, 'review_revealed', id);
          return n.length > 0 ? n : null;
        });
        expect(rows).toHaveLength(1);
        expect(rows[0]!.data).toMatchObject({ subjectId: subject.id, exchangeId: id });
        expect(rows[0]!.data).not.toHaveProperty('comment');
      }
    },
  );

  it('should answer REVIEW_EXISTS to a second review, and to one of two concurrent posts', async () => {
    const id = await completedGift(t.url, owner, requester);
    const results = await Promise.all([
      postReview(t.url, owner, id, { rating: 5 }),
      postReview(t.url, owner, id, { rating: 3 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('REVIEW_EXISTS');
    const again = await postReview(t.url, owner, id, { rating: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REVIEW_EXISTS');
    const rows = await t.ds.query(`SELECT count(*)::int AS n FROM reviews WHERE exchange_id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('should reveal both when the two parties post at the same moment', async () => {
    const id = await completedGift(t.url, owner, requester);
    const results = await Promise.all([
      postReview(t.url, owner, id, { rating: 5 }),
      postReview(t.url, requester, id, { rating: 4 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.some((r) => r.body.revealed === true)).toBe(true);
    expect(await revealedAt(id)).toEqual([true, true]);
  });

  it('should refuse a review before completion (409 EXCHANGE_NOT_COMPLETED)', async () => {
    const listingId = await createListing(t.url, owner, {
      kind: 'give',
      category: 'kitchen',
      title: 'Cocotte',
    });
    const res = await requestExchange(t.url, requester, listingId);
    const id = res.body.id as string;
    for (const step of [null, 'accept', 'handover'] as const) {
      if (step) await act(t.url, step === 'accept' ? owner : requester, id, step).expect(200);
      for (const who of [owner, requester]) {
        const r = await postReview(t.url, who, id, { rating: 4 });
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe('EXCHANGE_NOT_COMPLETED');
      }
    }
  });

  it('should hide the exchange from a non-party (404) and refuse anonymous callers (401)', async () => {
    const id = await completedGift(t.url, owner, requester);
    const r = await postReview(t.url, third, id, { rating: 1 });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('EXCHANGE_NOT_FOUND');
    await request(t.url)
      .get(`/api/v1/exchanges/${id}/review`)
      .set('Authorization', `Bearer ${third.token}`)
      .expect(404);
    expect((await postReview(t.url, null, id, { rating: 5 })).status).toBe(401);
    expect((await request(t.url).get(`/api/v1/exchanges/${id}/review`)).status).toBe(401);
    expect((await postReview(t.url, owner, 'not-a-uuid', { rating: 5 })).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await postReview(t.url, owner, unknown, { rating: 5 })).status).toBe(404);
  });

  it.each([
    [{ rating: 0 }],
    [{ rating: 6 }],
    [{ rating: 4.5 }],
    [{ rating: '5' }],
    [{}],
    [{ rating: 3, comment: 'x'.repeat(1001) }],
    [{ rating: 3, extra: true }],
  ])('should refuse %j with a 400', async (body) => {
    const id = await completedGift(t.url, owner, requester);
    const r = await postReview(t.url, owner, id, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('should reveal a lone review 14 days after completion, through the timer the sweep recreates', async () => {
    const id = await completedGift(t.url, owner, requester);
    await postReview(t.url, requester, id, { rating: 2, comment: 'Pas venu à l’heure' }).expect(
      201,
    );
    expect(await revealedAt(id)).toEqual([false]);
    // Backdate: completed 14 days and a minute ago. The job queued at posting time (due in 14
    // days) is gone with Redis for all the sweep knows; the sweep must find the due reveal.
    await t.ds.query(
      `UPDATE exchanges SET completed_at = now() - interval '14 days 1 minute' WHERE id = $1`,
      [id],
    );
    expect(await worker.get(ReviewTimersService).sweep()).toBeGreaterThan(0);
    await eventually('the reveal', async () => (await revealedAt(id))[0] === true);
    const p = await getProfile(t.url, third, owner.id).expect(200);
    expect(p.body.reviews).toEqual(
      expect.arrayContaining([expect.objectContaining({ comment: 'Pas venu à l’heure' })]),
    );
    await eventually('review_revealed', async () => {
      const n = await notificationsOf(owner.id, 'review_revealed', id);
      return n.length === 1;
    });
    // The owner can still answer, and theirs is visible at once (the deadline has passed).
    const late = await postReview(t.url, owner, id, { rating: 4 });
    expect(late.body.revealed).toBe(true);
  });

  it('should remind the party who has not reviewed, once, linking to the review screen', async () => {
    const id = await completedGift(t.url, owner, requester);
    await postReview(t.url, owner, id, { rating: 5 }).expect(201);
    await t.ds.query(
      `UPDATE exchanges SET completed_at = now() - interval '3 days' + interval '1 second' WHERE id = $1`,
      [id],
    );
    await worker.get(ReviewTimersService).sweep();
    const rows = await eventually('review_reminder', async () => {
      const n = await notificationsOf(requester.id, 'review_reminder', id);
      return n.length > 0 ? n : null;
    });
    expect(rows[0]!.data).toMatchObject({ exchangeId: id, otherPartyId: owner.id });
    expect(await notificationsOf(owner.id, 'review_reminder', id)).toEqual([]);
    await worker.get(ReviewTimersService).sweep(); // the same job id: not sent twice
    await new Promise((r) => setTimeout(r, 1500));
    expect(await notificationsOf(requester.id, 'review_reminder', id)).toHaveLength(1);
  });

  it('should export reviews by and about a member and keep them once the author is erased', async () => {
    const a = await registerUser(t.url, town, destination(town.centre, 10, 300), 'Exportée');
    const id = await completedGift(t.url, owner, a);
    await postReview(t.url, a, id, { rating: 5, comment: 'Merci' }).expect(201);
    const reviews = t.app.get(ReviewsService);
    let out = await reviews.forExport(owner.id);
    // Not revealed yet: not in the subject's export either.
    expect(out.reviewsAbout.find((r) => r.exchangeId === id)).toBeUndefined();
    await postReview(t.url, owner, id, { rating: 4 }).expect(201);
    out = await reviews.forExport(a.id);
    expect(out.reviewsBy).toEqual([
      expect.objectContaining({
        exchangeId: id,
        rating: 5,
        other: { id: owner.id, displayName: 'Odile' },
      }),
    ]);
    expect(out.reviewsAbout).toEqual([expect.objectContaining({ rating: 4, revealed: true })]);
    const before = (await getProfile(t.url, third, owner.id)).body.reputation;
    await t.ds.transaction((m) => reviews.anonymiseAuthor(a.id, m));
    const after = await getProfile(t.url, third, owner.id).expect(200);
    expect(after.body.reputation).toEqual(before);
    expect(after.body.reviews).toEqual(
      expect.arrayContaining([expect.objectContaining({ comment: 'Merci', author: null })]),
    );
  });

  it('should leave a review hidden by moderation out of the profile and the score', async () => {
    const b = await registerUser(t.url, town, destination(town.centre, 20, 300), 'Modérée');
    const id = await completedGift(t.url, b, requester);
    await postReview(t.url, requester, id, { rating: 1, comment: 'Insulte' }).expect(201);
    const mine = await postReview(t.url, b, id, { rating: 5 }).expect(201);
    expect(mine.body.revealed).toBe(true);
    const [row] = await t.ds.query<Array<{ id: string }>>(
      `SELECT id FROM reviews WHERE exchange_id = $1 AND subject_id = $2`,
      [id, b.id],
    );
    let p = await getProfile(t.url, third, b.id).expect(200);
    expect(p.body.reputation.ratingCount).toBe(1);
    await t.ds.transaction((m) => t.app.get(ReviewsService).setHidden(row!.id, new Date(), m));
    p = await getProfile(t.url, third, b.id).expect(200);
    expect(p.body.reviews).toEqual([]);
    expect(p.body.reputation).toMatchObject({ ratingCount: 0, score: null });
  });

  it('should not take POST /exchanges/:id/review for an unknown step', async () => {
    const id = await completedGift(t.url, owner, requester);
    const r = await postReview(t.url, owner, id, { rating: 3 });
    expect(r.status).toBe(201);
    expect((await act(t.url, owner, id, 'reviews')).status).toBe(404);
  });
});
