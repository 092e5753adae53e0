import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import { JobsService } from '../src/infra/queues/jobs.service';
import { QueueName } from '../src/infra/queues/queue-names';
import {
  EventRemindersService,
  eventReminderJobId,
} from '../src/modules/events/event-reminders.service';
import { WorkerModule } from '../src/worker.module';
import { createEvent, rsvp } from './factories/events';
import { eventually } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

describe(EventRemindersService.name, () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let staff: TestUser;
  const members: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_SWEEP_MS: '300' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    staff = await registerUser(t.url, town, town.centre, 'Agent');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    for (let i = 0; i < 3; i++)
      members.push(
        await registerUser(t.url, town, destination(town.centre, i * 120, 600), `M${i}`),
      );
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const reminders = (eventId: string) =>
    t.ds.query<Array<{ user_id: string; data: Record<string, unknown> }>>(
      `SELECT user_id, data FROM notifications WHERE kind = 'event_reminder' AND data->>'eventId' = $1 ORDER BY user_id`,
      [eventId],
    );

  it('should remind the going members the day before, once, recreating a job lost with Redis', async () => {
    // Starts in one day and three seconds: the reminder is due in three seconds.
    const id = await createEvent(t.url, staff, town, { capacity: 2, title: 'Balade botanique' }, 1);
    const startsAt = new Date(Date.now() + DAY + 3000);
    await t.ds.query(`UPDATE events SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      id,
      startsAt,
      new Date(startsAt.getTime() + 7_200_000),
    ]);
    const [a, b, c] = members as [TestUser, TestUser, TestUser];
    expect((await rsvp(t.url, a, id)).body.status).toBe('going');
    expect((await rsvp(t.url, b, id)).body.status).toBe('going');
    expect((await rsvp(t.url, c, id)).body.status).toBe('waiting');

    const queue = t.app.get(JobsService).queue(QueueName.Events);
    const jobA = eventReminderJobId(id, a.id, startsAt);
    await eventually('the scheduled reminder', () => queue.getJob(jobA).then((j) => j ?? null));
    // Redis loses every event reminder; the sweep must bring them back from the database.
    await queue.obliterate({ force: true });
    expect(await queue.getJob(jobA)).toBeUndefined();
    await eventually('the recreated reminder', () => queue.getJob(jobA).then((j) => j ?? null));

    const sent = await eventually(
      'both reminders',
      async () => {
        const rows = await reminders(id);
        return rows.length >= 2 ? rows : null;
      },
      15_000,
    );
    expect(sent.map((r) => r.user_id).sort()).toEqual([a.id, b.id].sort());
    expect(sent[0]!.data).toMatchObject({ eventId: id, eventTitle: 'Balade botanique' });

    // Several more sweeps, and the completed jobs forgotten by Redis: still exactly one each.
    await queue.obliterate({ force: true });
    await sleep(1500);
    expect((await reminders(id)).map((r) => r.user_id).sort()).toEqual([a.id, b.id].sort());
    const marked = await t.ds.query(
      `SELECT user_id, reminded_at IS NOT NULL AS reminded FROM event_rsvps WHERE event_id = $1 ORDER BY user_id`,
      [id],
    );
    expect(marked).toEqual(
      [
        { user_id: a.id, reminded: true },
        { user_id: b.id, reminded: true },
        { user_id: c.id, reminded: false },
      ].sort((x, y) => x.user_id.localeCompare(y.user_id)),
    );
  });

  it('should schedule the reminder of a later event for the day before, not now', async () => {
    const id = await createEvent(t.url, staff, town, { title: 'Loto' }, 60);
    await rsvp(t.url, members[0]!, id).expect(200);
    const [row] = await t.ds.query<Array<{ starts_at: Date }>>(
      `SELECT starts_at FROM events WHERE id = $1`,
      [id],
    );
    const startsAt = row!.starts_at;
    const queue = t.app.get(JobsService).queue(QueueName.Events);
    const job = await eventually('the delayed reminder', () =>
      queue.getJob(eventReminderJobId(id, members[0]!.id, startsAt)).then((j) => j ?? null),
    );
    expect(await job.getState()).toBe('delayed');
    const dueIn = job.timestamp + (job.delay ?? 0) - Date.now();
    expect(dueIn).toBeGreaterThan(35 * 3_600_000);
    expect(dueIn).toBeLessThan(37 * 3_600_000);
    expect(await reminders(id)).toEqual([]);
  });
});
