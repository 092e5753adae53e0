import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { PostReach, PostView, PushPayload } from '@partagora/domain';
import { destination } from '@partagora/geo';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { PostAlertsService } from '../src/modules/posts/post-alerts.service';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import {
  type EmulatedSubscription,
  type PushEmulator,
  startPushEmulator,
} from './support/push-emulator';
import { until } from './support/redis-server';
import { connected, testSocket } from './support/sockets';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(PostAlertsService.name, () => {
  let sink: MailSink;
  let pushes: PushEmulator;
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let other: TestTown;
  let clerk: TestUser;
  let inApp: TestUser;
  let byMail: TestUser;
  let elsewhere: TestUser;
  let browser: EmulatedSubscription;
  let publicKey: string;
  const sockets: Socket[] = [];

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const api = (path: string) => `/api/v1${path}`;

  async function alert(title: string, extra: Record<string, unknown> = {}): Promise<PostView> {
    const res = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(clerk))
      .send({ title, body: `${title} : consignes de la mairie.`, kind: 'alert', ...extra });
    if (res.status !== 201) throw new Error(`alert: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PostView;
  }

  async function reach(postId: string): Promise<PostReach> {
    const res = await request(t.url)
      .get(api(`/posts/${postId}/reach`))
      .set(auth(clerk));
    expect(res.status).toBe(200);
    return res.body as PostReach;
  }

  async function subscribe(sub: EmulatedSubscription, slug = town.slug) {
    return request(t.url)
      .post(api(`/municipalities/${slug}/push-subscriptions`))
      .send({ endpoint: sub.endpoint, keys: sub.keys });
  }

  const payloads = async (sub: EmulatedSubscription) =>
    (await pushes.messages(sub.clientHash)).map((m) => JSON.parse(m) as PushPayload);

  beforeAll(async () => {
    sink = await startMailSink();
    pushes = await startPushEmulator();
    t = await startTestApp({
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://partagora.test',
      REMINDER_SWEEP_MS: '500',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    other = await createTown(t.ds);
    clerk = await registerUser(t.url, town, destination(town.centre, 10, 200), 'Agent Mairie');
    await grantRole(t.ds, clerk.id, town.id, 'staff');
    inApp = await registerUser(t.url, town, destination(town.centre, 80, 500), 'Membre Appli');
    byMail = await registerUser(t.url, town, destination(town.centre, 200, 700), 'Membre Courriel');
    elsewhere = await registerUser(t.url, other, other.centre, 'Voisin Ailleurs');
    const prefs = await request(t.url)
      .put(api('/me/notification-preferences'))
      .set(auth(byMail))
      .send({ town_alert: { inApp: true, email: 'instant' } });
    expect(prefs.status).toBe(200);
    const key = await request(t.url).get(api('/push/vapid-public-key'));
    expect(key.status).toBe(200);
    publicKey = key.body.publicKey as string;
    expect(publicKey).toBe(t.config.vapid.publicKey);
    browser = await pushes.subscribe(publicKey);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker?.close();
    await t?.close();
    await pushes?.close();
    await sink?.close();
  });

  it('should subscribe a browser without an account, once per endpoint, and unsubscribe it', async () => {
    const first = await subscribe(browser);
    expect(first.status).toBe(201);
    const again = await subscribe(browser);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.ds.query<Array<Record<string, unknown>>>(
      `SELECT * FROM push_subscriptions WHERE endpoint = $1`,
      [browser.endpoint],
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ['auth', 'created_at', 'endpoint', 'id', 'municipality_id', 'p256dh', 'removed_at'].sort(),
    );

    const leaving = await pushes.subscribe(publicKey);
    expect((await subscribe(leaving)).status).toBe(201);
    const del = await request(t.url)
      .delete(api(`/municipalities/${town.slug}/push-subscriptions`))
      .send({ endpoint: leaving.endpoint });
    expect(del.status).toBe(204);
    const twice = await request(t.url)
      .delete(api(`/municipalities/${town.slug}/push-subscriptions`))
      .send({ endpoint: leaving.endpoint });
    expect(twice.status).toBe(204);

    for (const bad of [
      { endpoint: 'not a url', keys: browser.keys },
      { endpoint: browser.endpoint },
      { endpoint: browser.endpoint, keys: { p256dh: 'a b', auth: browser.keys.auth } },
    ]) {
      const res = await request(t.url)
        .post(api(`/municipalities/${town.slug}/push-subscriptions`))
        .send(bad);
      expect(res.status).toBe(400);
    }
    expect((await subscribe(browser, 'nowhere')).status).toBe(404);
  });

  it('should reach a push subscription, an in-app member live and an e-mail member, and count them', async () => {
    expect((await subscribe(browser)).status).toBe(201);
    const socket = testSocket(t.url, inApp.token);
    sockets.push(socket);
    const live: Array<{ kind: string; data: Record<string, unknown> }> = [];
    socket.on('notification', (n: (typeof live)[number]) => live.push(n));
    await connected(socket);
    const otherSocket = testSocket(t.url, elsewhere.token);
    sockets.push(otherSocket);
    const otherLive: unknown[] = [];
    otherSocket.on('notification', (n: unknown) => otherLive.push(n));
    await connected(otherSocket);

    const post = await alert('Tempête : restez chez vous');
    expect(post.alertSentAt).not.toBeNull();

    await until('the push', async () => (await payloads(browser)).length > 0, 15_000);
    const [payload] = await payloads(browser);
    expect(Object.keys(payload!).sort()).toEqual(['body', 'title', 'url']);
    expect(payload!.title).toBe('Tempête : restez chez vous');
    expect(payload!.body).toContain('consignes de la mairie');
    const pushUrl = new URL(payload!.url);
    expect(`${pushUrl.origin}${pushUrl.pathname}`).toBe(
      `https://partagora.test/t/${town.slug}/posts/${post.id}`,
    );
    expect(pushUrl.searchParams.get('via')).toBe('push');
    const pushToken = pushUrl.searchParams.get('r')!;
    expect(pushToken).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

    await until(
      'the live notification',
      () => Promise.resolve(live.some((n) => n.kind === 'town_alert')),
      15_000,
    );
    const n = live.find((x) => x.kind === 'town_alert')!;
    expect(n.data).toMatchObject({
      postId: post.id,
      postTitle: post.title,
      municipalitySlug: town.slug,
    });

    await sink.waitFor(
      () => sink.to(byMail.email).some((m) => m.subject.startsWith('Alerte de la mairie')),
      15_000,
    );
    // Only the alert (sign-up sent each member an address confirmation before).
    const mails = sink.to(byMail.email).filter((m) => m.headers.has('x-partagora-notification'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Alerte de la mairie : Tempête : restez chez vous');
    const mailLink = /https:\/\/partagora\.test\/t\/\S+/.exec(mails[0]!.text)![0];
    const mailUrl = new URL(mailLink);
    expect(mailUrl.pathname).toBe(`/t/${town.slug}/posts/${post.id}`);
    expect(mailUrl.searchParams.get('via')).toBe('email');
    const mailToken = mailUrl.searchParams.get('r')!;
    // E-mail is for members who asked for it: the in-app member got none.
    expect(sink.to(inApp.email).filter((m) => m.headers.has('x-partagora-notification'))).toEqual(
      [],
    );
    expect(otherLive).toEqual([]);

    // Every member of the town (the clerk included) has it in the app.
    const members = 3;
    let r = await reach(post.id);
    await until(
      'the e-mail counted delivered',
      async () => {
        r = await reach(post.id);
        return r.delivered.email === 1 && r.delivered.push === 1;
      },
      10_000,
    );
    expect(r).toMatchObject({
      postId: post.id,
      sent: { push: 1, inApp: members, email: 1 },
      delivered: { push: 1, inApp: members, email: 1 },
      opened: 0,
    });

    // Read receipts: each delivery once, whatever the number of opens.
    const open = (body: Record<string, unknown>, who?: TestUser) => {
      const req = request(t.url).post(api(`/posts/${post.id}/opened`));
      if (who) req.set(auth(who));
      return req.send(body);
    };
    expect((await open({ via: 'push', token: pushToken })).body).toEqual({ counted: true });
    expect((await open({ via: 'push', token: pushToken })).body).toEqual({ counted: false });
    expect((await open({ via: 'email', token: mailToken })).body).toEqual({ counted: true });
    expect((await open({ via: 'web' })).body).toEqual({ counted: false });
    expect((await open({ via: 'list' }, inApp)).body).toEqual({ counted: true });
    expect((await open({ via: 'list' }, inApp)).body).toEqual({ counted: false });
    // The e-mail member opening it in the app too is still one reader.
    expect((await open({ via: 'list' }, byMail)).body).toEqual({ counted: true });
    r = await reach(post.id);
    expect(r.opened).toBe(3);
    expect(r.openedBy).toEqual({ push: 1, inApp: 2, email: 1 });
    expect((await open({ via: 'telepathy' })).status).toBe(400);

    // Reach is tenant-scoped.
    expect(
      (
        await request(t.url)
          .get(api(`/posts/${post.id}/reach`))
          .set(auth(inApp))
      ).status,
    ).toBe(403);
    expect((await request(t.url).get(api(`/posts/${post.id}/reach`))).status).toBe(401);

    // A retried delivery sends nothing twice.
    const processor = worker.get(PostAlertsService);
    const [delivery] = await t.ds.query<Array<{ id: string }>>(
      `SELECT id FROM post_deliveries WHERE post_id = $1 AND channel = 'push'`,
      [post.id],
    );
    await t.ds.transaction((m) => processor.sendPush(m, delivery!.id));
    await t.ds.transaction((m) => processor.fanOut(m, post.id));
    await sleep(500);
    expect(await payloads(browser)).toHaveLength(1);
    const counts = await t.ds.query<Array<{ channel: string; n: number }>>(
      `SELECT channel, count(*)::int AS n FROM post_deliveries WHERE post_id = $1 GROUP BY channel ORDER BY channel`,
      [post.id],
    );
    expect(counts).toEqual([
      { channel: 'email', n: 1 },
      { channel: 'in_app', n: members },
      { channel: 'push', n: 1 },
    ]);
  });

  it('should send a scheduled alert at its time only, and not a news post', async () => {
    const before = (await payloads(browser)).length;
    const news = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(clerk))
      .send({ title: 'Simple actualité', body: 'Rien d’urgent.', kind: 'news' });
    expect(news.status).toBe(201);
    const publishAt = new Date(Date.now() + 2500);
    const post = await alert('Coupure d’eau à 14 h', { publishAt: publishAt.toISOString() });
    expect(post.status).toBe('scheduled');
    await sleep(1000);
    expect((await reach(post.id)).sent).toEqual({ push: 0, inApp: 0, email: 0 });
    expect(await payloads(browser)).toHaveLength(before);

    await until(
      'the scheduled push',
      async () => (await payloads(browser)).length > before,
      15_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
    const all = await payloads(browser);
    expect(all.map((p) => p.title)).toEqual(expect.arrayContaining(['Coupure d’eau à 14 h']));
    expect(all.map((p) => p.title)).not.toContain('Simple actualité');
    await until(
      'the scheduled alert counted',
      async () => (await reach(post.id)).sent.inApp === 3,
      10_000,
    );
  });

  it('should forget a subscription the push service says is gone', async () => {
    const doomed = await pushes.subscribe(publicKey);
    const res = await subscribe(doomed);
    expect(res.status).toBe(201);
    await pushes.expire(doomed.clientHash);
    const post = await alert('Route barrée');
    await until(
      'both pushes settled',
      async () => {
        const rows = await t.ds.query<Array<{ state: string }>>(
          `SELECT state FROM post_deliveries WHERE post_id = $1 AND channel = 'push' AND state <> 'queued'`,
          [post.id],
        );
        return rows.length === 2;
      },
      15_000,
    );
    const r = await reach(post.id);
    expect(r.sent.push).toBe(2);
    expect(r.delivered.push).toBe(1);
    expect(r.failed.push).toBe(1);
    const [sub] = await t.ds.query<Array<{ removed_at: Date | null }>>(
      `SELECT removed_at FROM push_subscriptions WHERE id = $1`,
      [res.body.id],
    );
    expect(sub!.removed_at).not.toBeNull();
    const next = await alert('Route rouverte');
    await until(
      'the next alert pushed',
      async () => (await reach(next.id)).delivered.push === 1,
      15_000,
    );
    expect((await reach(next.id)).sent.push).toBe(1);
  });

  it('should give staff the subscribers per day and channel', async () => {
    const res = await request(t.url)
      .get(api(`/municipalities/${town.slug}/subscribers`))
      .set(auth(clerk));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(30);
    const today = res.body.items[29];
    expect(today.date).toBe(new Date().toISOString().slice(0, 10));
    expect(today).toMatchObject({ push: 1, inApp: 3, email: 1 });
    expect(res.body.items[0]).toMatchObject({ push: 0, inApp: 0, email: 0 });
    const ranged = await request(t.url)
      .get(api(`/municipalities/${town.slug}/subscribers?from=2026-01-01&to=2026-01-03`))
      .set(auth(clerk));
    expect(ranged.body.items.map((i: { date: string }) => i.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
    const reversed = await request(t.url)
      .get(api(`/municipalities/${town.slug}/subscribers?from=2026-02-01&to=2026-01-01`))
      .set(auth(clerk));
    expect(reversed.status).toBe(400);
    const asResident = await request(t.url)
      .get(api(`/municipalities/${town.slug}/subscribers`))
      .set(auth(inApp));
    expect(asResident.status).toBe(403);
  });
});
