import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { PostReach, PushPayload } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { PostAlertsScheduler } from '../src/modules/posts/post-alerts.scheduler';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import {
  type EmulatedSubscription,
  type PushEmulator,
  startPushEmulator,
} from './support/push-emulator';
import {
  assertOwnRedis,
  portOpen,
  redisPort,
  startRedis,
  stopRedis,
  until,
} from './support/redis-server';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`${PostAlertsScheduler.name} with Redis down`, () => {
  let sink: MailSink;
  let pushes: PushEmulator;
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let clerk: TestUser;
  const members: TestUser[] = [];
  const browsers: EmulatedSubscription[] = [];
  let redisDown = false;

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const api = (path: string) => `/api/v1${path}`;
  const isAlertMail = (m: { headers: Map<string, string>; subject: string }) =>
    m.headers.has('x-partagora-notification') && m.subject.startsWith('Alerte de la mairie');

  beforeAll(async () => {
    assertOwnRedis();
    sink = await startMailSink();
    pushes = await startPushEmulator();
    t = await startTestApp({
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://partagora.test',
      REMINDER_SWEEP_MS: '500',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    clerk = await registerUser(t.url, town, town.centre, 'Agent Mairie');
    await grantRole(t.ds, clerk.id, town.id, 'staff');
    for (let i = 0; i < 3; i++) {
      members.push(
        await registerUser(t.url, town, destination(town.centre, i * 120, 600), `Habitant ${i}`),
      );
    }
    const prefs = await request(t.url)
      .put(api('/me/notification-preferences'))
      .set(auth(members[0]!))
      .send({ town_alert: { inApp: true, email: 'instant' } });
    expect(prefs.status).toBe(200);
    const key = (await request(t.url).get(api('/push/vapid-public-key'))).body.publicKey as string;
    for (let i = 0; i < 3; i++) {
      const sub = await pushes.subscribe(key);
      const res = await request(t.url)
        .post(api(`/municipalities/${town.slug}/push-subscriptions`))
        .send({ endpoint: sub.endpoint, keys: sub.keys });
      expect(res.status).toBe(201);
      browsers.push(sub);
    }
  });

  afterAll(async () => {
    // Whatever happened above, later suites need Redis back.
    if (redisDown || !(await portOpen(redisPort))) await startRedis();
    await worker?.close();
    await t?.close();
    await pushes?.close();
    await sink?.close();
  });

  it('should accept alerts while Redis is down and deliver each one once to every recipient when it returns', async () => {
    await stopRedis();
    redisDown = true;

    const postIds: string[] = [];
    const timings: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = Date.now();
      const res = await request(t.url)
        .post(api(`/municipalities/${town.slug}/posts`))
        .set(auth(clerk))
        .send({ title: `Alerte n° ${i}`, body: `Consigne ${i} de la mairie.`, kind: 'alert' });
      timings.push(Date.now() - t0);
      expect(res.status).toBe(201);
      postIds.push(res.body.id as string);
    }
    // One scheduled while Redis is away: its delayed job cannot exist, the sweep sends it.
    const scheduled = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(clerk))
      .send({
        title: 'Alerte programmée',
        body: 'Consigne programmée.',
        kind: 'alert',
        publishAt: new Date(Date.now() + 1500).toISOString(),
      });
    expect(scheduled.status).toBe(201);
    postIds.push(scheduled.body.id as string);
    expect(timings.filter((ms) => ms >= 2000)).toEqual([]);

    await sleep(2500);
    // The facts wait in the outbox (the scheduled one too, written by the sweep from PostgreSQL).
    const waiting = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events
        WHERE type = 'post.alert' AND processed_at IS NULL AND payload->>'postId' = ANY($1::text[])`,
      [postIds],
    );
    expect(waiting[0]!.n).toBe(postIds.length);

    await startRedis();
    redisDown = false;

    const everyone = [clerk, ...members];
    await until(
      'every alert delivered on every channel',
      async () => {
        const [row] = await t.ds.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM notifications WHERE source_key = ANY($1::text[])`,
          [postIds.map((id) => `post:${id}`)],
        );
        const pushed = await Promise.all(browsers.map((b) => pushes.messages(b.clientHash)));
        return (
          row!.n === postIds.length * everyone.length &&
          pushed.every((m) => m.length >= postIds.length) &&
          sink.to(members[0]!.email).filter(isAlertMail).length >= postIds.length
        );
      },
      150_000,
    );
    // Late retries would show now.
    await sleep(3000);

    for (const b of browsers) {
      const got = (await pushes.messages(b.clientHash)).map((m) => JSON.parse(m) as PushPayload);
      expect(got).toHaveLength(postIds.length);
      const posts = got.map((p) => new URL(p.url).pathname.split('/').pop());
      expect(posts.sort()).toEqual([...postIds].sort());
    }
    const mails = sink.to(members[0]!.email).filter(isAlertMail);
    expect(mails).toHaveLength(postIds.length);
    for (const who of everyone) {
      const rows = await t.ds.query<Array<{ source_key: string }>>(
        `SELECT source_key FROM notifications WHERE user_id = $1 AND kind = 'town_alert'`,
        [who.id],
      );
      expect(rows.map((r) => r.source_key).sort()).toEqual(
        postIds.map((id) => `post:${id}`).sort(),
      );
    }
    for (const id of postIds) {
      const res = await request(t.url)
        .get(api(`/posts/${id}/reach`))
        .set(auth(clerk));
      const r = res.body as PostReach;
      expect(r.sent).toEqual({ push: 3, inApp: everyone.length, email: 1 });
      expect(r.delivered).toEqual({ push: 3, inApp: everyone.length, email: 1 });
    }
    const left = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events
        WHERE processed_at IS NULL AND type IN ('post.alert', 'post.push')`,
    );
    expect(left[0]!.n).toBe(0);
  }, 240_000);
});
