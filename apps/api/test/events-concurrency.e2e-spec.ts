import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { WorkerModule } from '../src/worker.module';
import { cancelRsvp, createEvent, rsvp } from './factories/events';
import { eventually } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/**
 * Thirty members answer at the same instant for five places: the event's row lock settles it
 * (and `ck_events_going_count` would refuse a sixth), whatever the interleaving.
 */
describe('event RSVPs under concurrency', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let staff: TestUser;
  const members: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    staff = await registerUser(t.url, town, town.centre, 'Agent');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    for (let i = 0; i < 30; i++)
      members.push(
        await registerUser(t.url, town, destination(town.centre, i * 12, 800), `Membre ${i}`),
      );
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const rowsOf = (eventId: string) =>
    t.ds.query<Array<{ user_id: string; status: string }>>(
      `SELECT user_id, status FROM event_rsvps WHERE event_id = $1 ORDER BY created_at, user_id`,
      [eventId],
    );

  it('should seat exactly 5 of 30 simultaneous RSVPs and queue 25, then promote the first waiting once', async () => {
    const id = await createEvent(t.url, staff, town, { capacity: 5, title: 'Atelier vélo' });
    const answers = await Promise.all(members.map((m) => rsvp(t.url, m, id)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const going = answers.filter((a) => a.body.status === 'going');
    const waiting = answers.filter((a) => a.body.status === 'waiting');
    expect(going).toHaveLength(5);
    expect(waiting).toHaveLength(25);
    // Waiting positions are 1…25, each once.
    expect(waiting.map((a) => a.body.position as number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );

    const [counts] = await t.ds.query(
      `SELECT going_count, (SELECT count(*)::int FROM event_rsvps WHERE event_id = $1 AND status = 'going') AS going,
              (SELECT count(*)::int FROM event_rsvps WHERE event_id = $1 AND status = 'waiting') AS waiting
         FROM events WHERE id = $1`,
      [id],
    );
    expect(counts).toEqual({ going_count: 5, going: 5, waiting: 25 });

    // The first of the waiting list, by the database's order.
    const rows = await rowsOf(id);
    const firstWaiting = rows.find((r) => r.status === 'waiting')!.user_id;
    const leaver = members.find((m) => m.id === rows.find((r) => r.status === 'going')!.user_id)!;
    const positionOne = members[answers.findIndex((a) => a.body.position === 1)]!;
    expect(positionOne.id).toBe(firstWaiting);

    await cancelRsvp(t.url, leaver, id).expect(204);
    const after = await rowsOf(id);
    expect(after.filter((r) => r.status === 'going')).toHaveLength(5);
    expect(after.filter((r) => r.status === 'waiting')).toHaveLength(24);
    expect(after.find((r) => r.user_id === firstWaiting)!.status).toBe('going');
    expect(after.find((r) => r.user_id === leaver.id)).toBeUndefined();

    const promoted = await request(t.url)
      .get(`/api/v1/events/${id}`)
      .set('Authorization', `Bearer ${positionOne.token}`)
      .expect(200);
    expect(promoted.body.myRsvp).toEqual({ status: 'going', position: null });

    const notified = await eventually('the promotion notification', async () => {
      const n = await t.ds.query<Array<{ user_id: string }>>(
        `SELECT user_id FROM notifications WHERE kind = 'event_waitlist_promoted' AND data->>'eventId' = $1`,
        [id],
      );
      return n.length > 0 ? n : null;
    });
    expect(notified).toEqual([{ user_id: firstWaiting }]);
    await new Promise((r) => setTimeout(r, 800)); // the outbox is idle: still one
    const still = await t.ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'event_waitlist_promoted' AND data->>'eventId' = $1`,
      [id],
    );
    expect(still).toEqual([{ n: 1 }]);
  });

  it('should promote exactly as many as leave when the going members cancel at once', async () => {
    const id = await createEvent(t.url, staff, town, { capacity: 5, title: 'Repair café' });
    for (const m of members.slice(0, 12)) await rsvp(t.url, m, id).expect(200);
    const before = await rowsOf(id);
    const goingIds = before.filter((r) => r.status === 'going').map((r) => r.user_id);
    const nextFive = before
      .filter((r) => r.status === 'waiting')
      .slice(0, 5)
      .map((r) => r.user_id);
    // The five going members leave and 18 newcomers answer, all at the same instant.
    const leaving = members.filter((m) => goingIds.includes(m.id));
    const results = await Promise.all([
      ...leaving.map((m) => cancelRsvp(t.url, m, id)),
      ...members.slice(12).map((m) => rsvp(t.url, m, id)),
    ]);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const after = await rowsOf(id);
    const nowGoing = after.filter((r) => r.status === 'going').map((r) => r.user_id);
    expect(nowGoing).toHaveLength(5);
    // Promotions go to the waiting list in order: newcomers may take a place only once the
    // queue that was there is seated, and nobody who left is still listed.
    expect(
      nowGoing.filter((u) => nextFive.includes(u)).length +
        nowGoing.filter((u) => !nextFive.includes(u)).length,
    ).toBe(5);
    for (const u of nextFive) expect(nowGoing).toContain(u);
    expect(after.filter((r) => goingIds.includes(r.user_id))).toEqual([]);
    expect(after.filter((r) => r.status === 'waiting')).toHaveLength(12 + 18 - 5 - 5);
    const [e] = await t.ds.query(`SELECT going_count FROM events WHERE id = $1`, [id]);
    expect(e.going_count).toBe(5);
  });
});
