import { destination } from '@partagora/geo';
import request from 'supertest';
import { ModerationService } from '../src/modules/moderation/moderation.service';
import { createListing, requestExchange, period } from './factories/exchanges';
import { grantRole, openCaseOf, report, resolveCase } from './factories/moderation';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(`${ModerationService.name} reports`, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  const reporters: TestUser[] = [];
  let moderator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, destination(town.centre, 0, 500), 'Camille');
    for (let i = 0; i < 5; i++) {
      reporters.push(
        await registerUser(t.url, town, destination(town.centre, 72 * i, 900), `Voisin ${i}`),
      );
    }
    moderator = await registerUser(t.url, town, destination(town.centre, 200, 700), 'Modération');
    await grantRole(t.ds, moderator, town.id, 'moderator');
  });

  afterAll(async () => {
    await t?.close();
  });

  const newListing = (title = 'Perceuse à percussion') =>
    createListing(t.url, owner, {
      kind: 'lend',
      category: 'tools',
      title,
      description: 'Avec coffret',
      loanSettings: { maxDays: 7, bufferHours: 2 },
    });

  const getListing = (who: TestUser, id: string) =>
    request(t.url).get(`/api/v1/listings/${id}`).set('Authorization', `Bearer ${who.token}`);

  const search = (who: TestUser) =>
    request(t.url)
      .get('/api/v1/listings')
      .query({ lat: town.centre.lat, lng: town.centre.lng, radius: 5000, limit: 100 })
      .set('Authorization', `Bearer ${who.token}`);

  const mapIds = async (who: TestUser): Promise<string[]> => {
    const c = town.centre;
    const res = await request(t.url)
      .get('/api/v1/listings/map')
      .query({ bbox: [c.lng - 0.1, c.lat - 0.1, c.lng + 0.1, c.lat + 0.1].join(','), zoom: 18 })
      .set('Authorization', `Bearer ${who.token}`);
    expect(res.status).toBe(200);
    return ((res.body.points ?? []) as Array<{ id: string }>).map((p) => p.id);
  };

  it('should answer 201 {id}, then 409 ALREADY_REPORTED to the same member', async () => {
    const id = await newListing();
    const first = await report(t.url, reporters[0]!, { targetType: 'listing', targetId: id });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String) });
    const again = await report(t.url, reporters[0]!, {
      targetType: 'listing',
      targetId: id,
      reason: 'fraud',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REPORTED');
    expect((await openCaseOf(t.ds, 'listing', id))?.report_count).toBe(1);
  });

  it('should refuse anonymous (401), bad input (400), own content (422), unseen or unknown targets (404)', async () => {
    const id = await newListing();
    const anon = await request(t.url)
      .post('/api/v1/reports')
      .send({ targetType: 'listing', targetId: id, reason: 'spam' });
    expect(anon.status).toBe(401);
    const bad = await report(t.url, reporters[0]!, {
      targetType: 'listing',
      targetId: id,
      reason: 'boring',
    });
    expect(bad.status).toBe(400);
    const own = await report(t.url, owner, { targetType: 'listing', targetId: id });
    expect(own.status).toBe(422);
    expect(own.body.error.code).toBe('SELF_REPORT');
    const paused = await newListing('En pause');
    await request(t.url)
      .patch(`/api/v1/listings/${paused}`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ status: 'paused' })
      .expect(200);
    const unseen = await report(t.url, reporters[0]!, { targetType: 'listing', targetId: paused });
    expect(unseen.status).toBe(404);
    expect(unseen.body.error.code).toBe('REPORT_TARGET_NOT_FOUND');
    // Reviews are registered by their own module once it lands: until then there is no such target.
    const review = await report(t.url, reporters[0]!, {
      targetType: 'review',
      targetId: '6f1c9d1e-4a1b-4c3d-8e9f-0a1b2c3d4e5f',
    });
    expect(review.status).toBe(404);
    expect(review.body.error.code).toBe('REPORT_TARGET_NOT_FOUND');
  });

  it('should not hide at two distinct reporters, nor at three reports by one member', async () => {
    const id = await newListing('Tondeuse');
    for (const r of [reporters[0]!, reporters[1]!]) {
      expect((await report(t.url, r, { targetType: 'listing', targetId: id })).status).toBe(201);
    }
    expect(
      (await report(t.url, reporters[0]!, { targetType: 'listing', targetId: id })).status,
    ).toBe(409);
    expect(
      (await report(t.url, reporters[1]!, { targetType: 'listing', targetId: id })).status,
    ).toBe(409);
    const c = await openCaseOf(t.ds, 'listing', id);
    expect(c).toMatchObject({ report_count: 2, hidden: false });
    expect((await getListing(reporters[2]!, id)).status).toBe(200);
  });

  it('should hide at the third distinct reporter: out of search and map, 404 but to its owner and moderators', async () => {
    const id = await newListing('Escabeau suspect');
    expect((await search(reporters[4]!)).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(await mapIds(reporters[4]!)).toContain(id);
    for (const r of reporters.slice(0, 3)) {
      expect((await report(t.url, r, { targetType: 'listing', targetId: id })).status).toBe(201);
    }
    expect(await openCaseOf(t.ds, 'listing', id)).toMatchObject({
      report_count: 3,
      hidden: true,
      priority: true,
    });
    const ids = (await search(reporters[4]!)).body.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(id);
    expect(await mapIds(reporters[4]!)).not.toContain(id);
    const stranger = await getListing(reporters[4]!, id);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('LISTING_NOT_FOUND');
    expect((await getListing(owner, id)).body.status).toBe('hidden');
    expect((await getListing(moderator, id)).status).toBe(200);
    // Another town's moderator sees a 404 like anyone else.
    const otherTown = await createTown(t.ds);
    const otherMod = await registerUser(t.url, otherTown, otherTown.centre, 'Ailleurs');
    await grantRole(t.ds, otherMod, otherTown.id, 'moderator');
    expect((await getListing(otherMod, id)).status).toBe(404);

    // Restored by the moderator, it is back where it was, with its status.
    const c = (await openCaseOf(t.ds, 'listing', id))!;
    const res = await resolveCase(t.url, moderator, c.id, { action: 'restore' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'resolved', hidden: false, action: 'restore' });
    expect((await getListing(reporters[4]!, id)).body.status).toBe('available');
  });

  it('should hide exactly once when the third reports arrive at the same instant', async () => {
    const id = await newListing('Scie sauteuse');
    const results = await Promise.all(
      reporters.slice(0, 3).map((r) => report(t.url, r, { targetType: 'listing', targetId: id })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const cases = await t.ds.query<Array<{ report_count: number; hidden: boolean }>>(
      `SELECT report_count, hidden FROM moderation_cases WHERE target_type = 'listing' AND target_id = $1`,
      [id],
    );
    expect(cases).toEqual([{ report_count: 3, hidden: true }]);
    // Hidden once: the status it had before is `available`, not `hidden` (a second hide would say so).
    const [row] = await t.ds.query<Array<{ status: string; status_before_hidden: string }>>(
      `SELECT status, status_before_hidden FROM listings WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'hidden', status_before_hidden: 'available' });
  });

  it('should hide once when more reports race past the threshold (late ones no longer see it)', async () => {
    const id = await newListing('Meuleuse');
    const results = await Promise.all(
      reporters.map((r) => report(t.url, r, { targetType: 'listing', targetId: id })),
    );
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBeGreaterThanOrEqual(3);
    // A reporter whose check came after the hiding meets a listing they can no longer see.
    expect(results.every((r) => r.status === 201 || r.status === 404)).toBe(true);
    expect(await openCaseOf(t.ds, 'listing', id)).toMatchObject({
      report_count: created,
      hidden: true,
    });
    const [row] = await t.ds.query<Array<{ status_before_hidden: string }>>(
      `SELECT status_before_hidden FROM listings WHERE id = $1`,
      [id],
    );
    expect(row?.status_before_hidden).toBe('available');
  });

  it('should count the same member reporting concurrently once', async () => {
    const id = await newListing('Ponceuse');
    const results = await Promise.all(
      [0, 1, 2].map(() => report(t.url, reporters[0]!, { targetType: 'listing', targetId: id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await openCaseOf(t.ds, 'listing', id)).toMatchObject({ report_count: 1, hidden: false });
  });

  it('should let only participants report a message, and show a hidden one as removed', async () => {
    const id = await newListing('Perforateur');
    const ex = await requestExchange(t.url, reporters[3]!, id, {
      ...period(1, 2),
      message: 'Vous pouvez me le laisser ? Mon numéro : 06…',
    });
    expect(ex.status).toBe(201);
    const conversationId = ex.body.conversationId as string;
    const msgs = await request(t.url)
      .get(`/api/v1/conversations/${conversationId}/messages`)
      .set('Authorization', `Bearer ${owner.token}`);
    const messageId = msgs.body.items[0].id as string;
    const outsider = await report(t.url, reporters[0]!, {
      targetType: 'message',
      targetId: messageId,
    });
    expect(outsider.status).toBe(404);
    const party = await report(t.url, owner, {
      targetType: 'message',
      targetId: messageId,
      reason: 'inappropriate',
    });
    expect(party.status).toBe(201);
    const c = (await openCaseOf(t.ds, 'message', messageId))!;
    expect((await resolveCase(t.url, moderator, c.id, { action: 'hide' })).status).toBe(200);
    for (const who of [owner, reporters[3]!]) {
      const seen = await request(t.url)
        .get(`/api/v1/conversations/${conversationId}/messages`)
        .set('Authorization', `Bearer ${who.token}`);
      expect(seen.body.items[0]).toMatchObject({ id: messageId, body: '', removed: true });
    }
  });

  it('should put a member reported by three others first in the queue, without hiding anything', async () => {
    const target = await registerUser(t.url, town, destination(town.centre, 10, 300), 'Suspect');
    for (const r of reporters.slice(0, 3)) {
      expect((await report(t.url, r, { targetType: 'user', targetId: target.id })).status).toBe(
        201,
      );
    }
    const c = await openCaseOf(t.ds, 'user', target.id);
    expect(c).toMatchObject({ report_count: 3, hidden: false, priority: true });
    const queue = await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/moderation/reports`)
      .set('Authorization', `Bearer ${moderator.token}`);
    expect(queue.status).toBe(200);
    const items = queue.body.items as Array<{ targetId: string; priority: boolean }>;
    // Prioritised cases come first, then the others (oldest first).
    const flags = items.map((i) => i.priority);
    expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
    expect(flags).toContain(false);
    const first = items.find((i) => i.targetId === target.id);
    expect(first).toMatchObject({
      targetType: 'user',
      targetId: target.id,
      reportCount: 3,
      priority: true,
      hidden: false,
      content: { type: 'user', displayName: 'Suspect', suspended: false },
      actions: ['dismiss', 'warn', 'suspend'],
    });
  });
});
