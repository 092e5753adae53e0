import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NotificationView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import { type Socket, io } from 'socket.io-client';
import request from 'supertest';
import { JobsService } from '../src/infra/queues/jobs.service';
import { QueueName } from '../src/infra/queues/queue-names';
import { ExchangesService } from '../src/modules/exchanges/exchanges.service';
import { DIGEST_SCHEDULE } from '../src/modules/notifications/jobs/digest-scheduler.service';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { OutboxProcessor } from '../src/modules/outbox/outbox.processor';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type MailSink, type SunkMail, startMailSink } from './support/mail-sink';
import { type TestApp, startTestApp } from './test-context';

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loan period starting `fromDays` days from now (whole hours), lasting `days` days. */
function period(fromDays: number, days: number) {
  const start = new Date(Date.now() + fromDays * DAY);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + days * DAY).toISOString() };
}

/** Polls `probe` until it returns a truthy value. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const header = (m: SunkMail) => m.headers.get('x-partagora-notification');

describe(NotificationsService.name, () => {
  let sink: MailSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let owner: TestUser;
  let requester: TestUser;
  let third: TestUser;
  let english: TestUser;
  const sockets: Socket[] = [];

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  async function listing(who: TestUser, body: Record<string, unknown>): Promise<string> {
    const res = await request(t.url).post('/api/v1/listings').set(auth(who)).send(body);
    if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function ask(who: TestUser, listingId: string, body: Record<string, unknown> = {}) {
    const res = await request(t.url)
      .post(`/api/v1/listings/${listingId}/exchanges`)
      .set(auth(who))
      .send(body);
    if (res.status !== 201) throw new Error(`request: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; conversationId: string };
  }

  async function act(who: TestUser, exchangeId: string, action: string): Promise<void> {
    const res = await request(t.url)
      .post(`/api/v1/exchanges/${exchangeId}/${action}`)
      .set(auth(who));
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function list(who: TestUser, query = '') {
    const res = await request(t.url).get(`/api/v1/notifications${query}`).set(auth(who));
    expect(res.status).toBe(200);
    return res.body as {
      items: NotificationView[];
      nextCursor: string | null;
      unreadCount: number;
    };
  }

  /** Every row (in-app or not) a user has for an exchange, straight from the table. */
  function rowsFor(who: TestUser, exchangeId: string) {
    return t.ds.query<
      Array<{ id: string; kind: string; in_app: boolean; email_state: string; source_key: string }>
    >(
      `SELECT id, kind, in_app, email_state, source_key FROM notifications
        WHERE user_id = $1 AND data->>'exchangeId' = $2 ORDER BY created_at`,
      [who.id, exchangeId],
    );
  }

  /** Waits until every outbox row announcing a step of the exchange has been processed. */
  async function settled(exchangeId: string): Promise<void> {
    await eventually(`outbox rows of ${exchangeId} processed`, async () => {
      const rows = await t.ds.query<Array<{ pending: number }>>(
        `SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS pending FROM outbox_events
          WHERE payload->>'exchangeId' = $1 OR payload->>'notificationId' IN (
            SELECT id::text FROM notifications WHERE data->>'exchangeId' = $1)`,
        [exchangeId],
      );
      return rows[0]!.pending === 0;
    });
  }

  function connect(who: TestUser): Promise<Socket> {
    const socket = io(t.url, {
      transports: ['websocket'],
      auth: { token: who.token },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL: 'https://partagora.test' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, destination(town.centre, 20, 300), 'Camille Prêteuse');
    requester = await registerUser(t.url, town, destination(town.centre, 140, 700), 'Louis');
    third = await registerUser(t.url, town, destination(town.centre, 250, 900), 'Inès');
    english = await registerUser(t.url, town, destination(town.centre, 300, 500), 'Olivia');
    await t.ds.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [english.id]);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  it('should notify the owner of a loan request in the app, live, and by one French e-mail', async () => {
    const socket = await connect(owner);
    const pushed: Array<{ id: string; kind: string; data: Record<string, unknown> }> = [];
    socket.on('notification', (p: (typeof pushed)[number]) => pushed.push(p));

    const listingId = await listing(owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Perceuse à percussion',
    });
    const ex = await ask(requester, listingId, period(2, 1));

    const page = await eventually('the owner’s notification', async () => {
      const p = await list(owner);
      return p.items.some((n) => n.data.exchangeId === ex.id) ? p : null;
    });
    const mine = page.items.filter((n) => n.data.exchangeId === ex.id);
    expect(mine).toHaveLength(1);
    const n = mine[0]!;
    expect(n).toMatchObject({
      kind: 'exchange_requested',
      readAt: null,
      data: {
        exchangeId: ex.id,
        exchangeKind: 'loan',
        listingId,
        listingTitle: 'Perceuse à percussion',
        conversationId: ex.conversationId,
        otherPartyId: requester.id,
        otherPartyName: 'Louis',
      },
    });
    expect(page.unreadCount).toBeGreaterThanOrEqual(1);

    await eventually('the push', () => Promise.resolve(pushed.some((p) => p.id === n.id)));
    expect(pushed.find((p) => p.id === n.id)).toMatchObject({ kind: 'exchange_requested' });

    await sink.waitFor((ms) => ms.some((m) => header(m) === n.id));
    await settled(ex.id);
    await sleep(300);
    const mails = sink.messages.filter((m) => header(m) === n.id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual([owner.email]);
    expect(mail.subject).toBe('Louis vous demande « Perceuse à percussion »');
    expect(mail.text).toContain('Louis vous a fait une demande pour « Perceuse à percussion »');
    expect(mail.text).toContain(`https://partagora.test/exchanges/${ex.id}`);
    expect(mail.html).toContain(`href="https://partagora.test/exchanges/${ex.id}"`);
    expect(mail.headers.get('from')).toContain('no-reply@partagora.local');

    // The requester acted: nothing for them.
    expect(await rowsFor(requester, ex.id)).toEqual([]);
    expect((await rowsFor(owner, ex.id)).map((r) => r.email_state)).toEqual(['sent']);
  });

  it('should notify the requester when the owner accepts', async () => {
    const listingId = await listing(owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Scie sauteuse',
    });
    const ex = await ask(requester, listingId, period(3, 1));
    await act(owner, ex.id, 'accept');
    await settled(ex.id);

    const rows = await rowsFor(requester, ex.id);
    expect(rows.map((r) => r.kind)).toEqual(['exchange_accepted']);
    await sink.waitFor((ms) => ms.some((m) => header(m) === rows[0]!.id));
    const mail = sink.messages.find((m) => header(m) === rows[0]!.id)!;
    expect(mail.to).toEqual([requester.email]);
    expect(mail.subject).toBe('Demande acceptée : « Scie sauteuse »');
    expect(mail.text).toContain('Camille Prêteuse a accepté');
    // The owner has the request only, not their own acceptance.
    expect((await rowsFor(owner, ex.id)).map((r) => r.kind)).toEqual(['exchange_requested']);
  });

  it('should write to an English-speaking user in English', async () => {
    const listingId = await listing(english, {
      kind: 'lend',
      category: 'garden',
      title: 'Lawn mower',
    });
    const ex = await ask(requester, listingId, period(2, 2));
    await settled(ex.id);
    const [row] = await rowsFor(english, ex.id);
    expect(row).toMatchObject({ kind: 'exchange_requested' });
    await sink.waitFor((ms) => ms.some((m) => header(m) === row!.id));
    const mail = sink.messages.find((m) => header(m) === row!.id)!;
    expect(mail.to).toEqual([english.email]);
    expect(mail.subject).toBe('Louis asked for “Lawn mower”');
    expect(mail.text).toContain('Accept or decline it from the exchange.');
    expect(mail.html).toContain('lang="en"');
  });

  it('should tell the other requesters of a gift that it went to someone else', async () => {
    const listingId = await listing(owner, {
      kind: 'give',
      category: 'books-media',
      title: 'Romans policiers',
    });
    const chosen = await ask(requester, listingId);
    const other = await ask(third, listingId);
    await act(owner, chosen.id, 'accept');
    await settled(chosen.id);
    await settled(other.id);
    expect((await rowsFor(requester, chosen.id)).map((r) => r.kind)).toEqual(['exchange_accepted']);
    const [taken] = await rowsFor(third, other.id);
    expect(taken).toMatchObject({ kind: 'gift_went_to_another' });
    // Declined because the owner chose someone else: the owner is not told of their own choice.
    expect((await rowsFor(owner, other.id)).map((r) => r.kind)).toEqual(['exchange_requested']);
    await sink.waitFor((ms) => ms.some((m) => header(m) === taken!.id));
    expect(sink.messages.find((m) => header(m) === taken!.id)!.subject).toBe(
      '« Romans policiers » est parti chez un autre voisin',
    );
  });

  it('should notify both parties of a step the system takes', async () => {
    const listingId = await listing(owner, { kind: 'lend', category: 'tools', title: 'Ponceuse' });
    const ex = await ask(requester, listingId, period(4, 1));
    await expect(worker.get(ExchangesService).systemAct(ex.id, 'expire')).resolves.toBe(true);
    await settled(ex.id);
    expect((await rowsFor(owner, ex.id)).map((r) => r.kind)).toEqual([
      'exchange_requested',
      'exchange_expired',
    ]);
    expect((await rowsFor(requester, ex.id)).map((r) => r.kind)).toEqual(['exchange_expired']);
  });

  it('should follow the preferences: e-mail off sends nothing, both channels off writes nothing', async () => {
    // A user of its own, so these choices cannot leak into the other tests.
    const picky = await registerUser(t.url, town, destination(town.centre, 200, 400), 'Paule');
    const put = await request(t.url)
      .put('/api/v1/me/notification-preferences')
      .set(auth(picky))
      .send({
        exchange_requested: { inApp: true, email: 'off' },
        wanted_match: { inApp: false, email: 'off' },
      });
    expect(put.status).toBe(200);
    expect(put.body.exchange_requested).toEqual({ inApp: true, email: 'off' });
    // Every kind is in the answer, the others at their defaults.
    expect(put.body.exchange_accepted).toEqual({ inApp: true, email: 'instant' });
    expect(put.body.message_received).toEqual({ inApp: true, email: 'digest' });
    const got = await request(t.url).get('/api/v1/me/notification-preferences').set(auth(picky));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(put.body);

    const quiet = await listing(picky, { kind: 'lend', category: 'tools', title: 'Visseuse' });
    const ex1 = await ask(requester, quiet, period(5, 1));
    await settled(ex1.id);
    const [row] = await rowsFor(picky, ex1.id);
    expect(row).toMatchObject({ in_app: true, email_state: 'off' });
    expect((await list(picky)).items.map((n) => n.id)).toContain(row!.id);

    const off = await request(t.url)
      .put('/api/v1/me/notification-preferences')
      .set(auth(picky))
      .send({ exchange_requested: { inApp: false, email: 'off' } });
    expect(off.body.exchange_requested).toEqual({ inApp: false, email: 'off' });
    // A partial update keeps the other stored choices.
    expect(off.body.wanted_match).toEqual({ inApp: false, email: 'off' });
    const ex2 = await ask(third, quiet, period(7, 1));
    await settled(ex2.id);
    expect(await rowsFor(picky, ex2.id)).toEqual([]);
    expect((await list(picky)).items.some((n) => n.data.exchangeId === ex2.id)).toBe(false);

    await sleep(500);
    const ownerMails = sink.to(picky.email).filter((m) => m.text.includes('Visseuse'));
    expect(ownerMails).toEqual([]);

    const bad = await request(t.url)
      .put('/api/v1/me/notification-preferences')
      .set(auth(picky))
      .send({ exchange_requested: { inApp: true, email: 'weekly' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('should keep chatty kinds for the daily digest and send them in one e-mail', async () => {
    const listingId = await listing(owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Niveau laser',
    });
    const ex = await ask(requester, listingId, period(6, 1));
    await settled(ex.id);
    // Two messages from the requester, announced the way conversations announce them.
    const outboxIds: string[] = [];
    for (const messageId of [
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000002',
    ]) {
      const rows = await t.ds.query<Array<{ id: string }>>(
        `INSERT INTO outbox_events (type, payload) VALUES ('message.posted', $1) RETURNING id::text AS id`,
        [
          JSON.stringify({
            messageId,
            conversationId: ex.conversationId,
            authorId: requester.id,
            // The author listed as a recipient, and a stranger, must both be ignored.
            recipientIds: [owner.id, requester.id, third.id],
          }),
        ],
      );
      outboxIds.push(rows[0]!.id);
    }
    const rows = await eventually('message notifications', async () => {
      const r = await t.ds.query<
        Array<{ id: string; user_id: string; email_state: string; data: Record<string, unknown> }>
      >(
        `SELECT id, user_id, email_state, data FROM notifications
          WHERE kind = 'message_received' AND source_key = ANY($1::text[])
          ORDER BY created_at, data->>'messageId'`,
        [outboxIds.map((id) => `outbox:${id}`)],
      );
      return r.length === 2 ? r : null;
    });
    expect(rows.map((r) => [r.user_id, r.email_state])).toEqual([
      [owner.id, 'digest'],
      [owner.id, 'digest'],
    ]);
    expect(rows[0]!.data).toEqual({
      conversationId: ex.conversationId,
      messageId: 'a0000000-0000-4000-8000-000000000001',
      listingId,
      listingTitle: 'Niveau laser',
      exchangeId: ex.id,
      authorId: requester.id,
      authorName: 'Louis',
    });
    // Shown in the app, no instant e-mail.
    const inApp = (await list(owner)).items.filter((n) => n.kind === 'message_received');
    expect(inApp.map((n) => n.id).sort()).toEqual(rows.map((r) => r.id).sort());
    await sleep(800);
    expect(sink.messages.some((m) => rows.some((r) => header(m) === r.id))).toBe(false);
    const before = sink.to(owner.email).length;

    const service = worker.get(NotificationsService);
    const result = await service.sendDigests(new Date());
    expect(result.items).toBeGreaterThanOrEqual(2);
    const digests = sink.to(owner.email).slice(before);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.subject).toBe('Votre résumé Partagora : 2 nouveautés');
    expect(digest.headers.get('x-partagora-digest')).toBe('2');
    expect(digest.text).toContain('Nouveau message de Louis (« Niveau laser »)');
    expect(digest.text).toContain(`https://partagora.test/messages/${ex.conversationId}`);
    const states = await t.ds.query<Array<{ email_state: string; emailed_at: Date | null }>>(
      `SELECT email_state, emailed_at FROM notifications WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    expect(states.every((s) => s.email_state === 'sent' && s.emailed_at !== null)).toBe(true);

    // A second run has nothing left for this user.
    await service.sendDigests(new Date());
    expect(sink.to(owner.email).slice(before)).toHaveLength(1);
  });

  it('should schedule the digest every day at 18:00 Paris time', async () => {
    const queue = worker.get(JobsService).queue(QueueName.Digest);
    const scheduler = await eventually('the digest scheduler', () =>
      queue.getJobScheduler(DIGEST_SCHEDULE.id),
    );
    expect(scheduler).toMatchObject({ pattern: '0 18 * * *', tz: 'Europe/Paris' });
    expect(scheduler.next).toBeGreaterThan(Date.now());
    // 18:00 in Paris is 16:00 or 17:00 UTC depending on the season.
    expect([16, 17]).toContain(new Date(scheduler.next!).getUTCHours());
  });

  it('should page newest first and mark notifications read', async () => {
    const all = await list(requester, '?limit=100');
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const times = all.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = await list(requester, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(requester, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).toBe(all.items[1]!.id);
    expect(
      (await request(t.url).get('/api/v1/notifications?cursor=nope').set(auth(requester))).status,
    ).toBe(400);

    const unreadBefore = all.unreadCount;
    expect(unreadBefore).toBe(all.items.filter((n) => n.readAt === null).length);
    const target = all.items[0]!;
    // Someone else cannot mark my notification read.
    await request(t.url)
      .post('/api/v1/notifications/read')
      .set(auth(owner))
      .send({ ids: [target.id] })
      .expect(204);
    expect((await list(requester)).unreadCount).toBe(unreadBefore);

    await request(t.url)
      .post('/api/v1/notifications/read')
      .set(auth(requester))
      .send({ ids: [target.id] })
      .expect(204);
    const after = await list(requester, '?limit=100');
    expect(after.unreadCount).toBe(unreadBefore - 1);
    expect(after.items.find((n) => n.id === target.id)!.readAt).toEqual(expect.any(String));
    const unreadOnly = await list(requester, '?unread=true&limit=100');
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(target.id);
    expect(unreadOnly.items).toHaveLength(unreadBefore - 1);

    await request(t.url)
      .post('/api/v1/notifications/read')
      .set(auth(requester))
      .send({})
      .expect(204);
    expect((await list(requester)).unreadCount).toBe(0);
    expect((await list(owner)).unreadCount).toBeGreaterThan(0);

    const bad = await request(t.url)
      .post('/api/v1/notifications/read')
      .set(auth(requester))
      .send({ ids: ['not-a-uuid'] });
    expect(bad.status).toBe(400);
    expect((await request(t.url).get('/api/v1/notifications')).status).toBe(401);
  });

  it('should retry an e-mail the server refused and send it exactly once', async () => {
    sink.rejectNext(1);
    const listingId = await listing(owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Compresseur',
    });
    const ex = await ask(third, listingId, period(8, 1));
    const [row] = await eventually('the notification', async () => {
      const r = await rowsFor(owner, ex.id);
      return r.length > 0 ? r : null;
    });
    await sink.waitFor((ms) => ms.some((m) => header(m) === row!.id), 20_000);
    await settled(ex.id);
    await sleep(500);
    expect(sink.rejected()).toBe(1);
    expect(sink.messages.filter((m) => header(m) === row!.id)).toHaveLength(1);
    expect((await rowsFor(owner, ex.id))[0]!.email_state).toBe('sent');
  });

  it('should notify once when an event is delivered again', async () => {
    const listingId = await listing(owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Échafaudage',
    });
    const ex = await ask(requester, listingId, period(9, 1));
    await settled(ex.id);
    const [row] = await rowsFor(owner, ex.id);
    await sink.waitFor((ms) => ms.some((m) => header(m) === row!.id));
    const [event] = await t.ds.query<Array<{ id: string }>>(
      `SELECT id::text AS id FROM outbox_events WHERE type = 'exchange.requested' AND payload->>'exchangeId' = $1`,
      [ex.id],
    );
    // As if the job ran again after a crash before its row was marked processed.
    await t.ds.query(`UPDATE outbox_events SET processed_at = NULL WHERE id = $1`, [event!.id]);
    await expect(worker.get(OutboxProcessor).deliver(event!.id)).resolves.toBe(true);
    await settled(ex.id);
    await sleep(500);
    expect(await rowsFor(owner, ex.id)).toHaveLength(1);
    expect(sink.messages.filter((m) => header(m) === row!.id)).toHaveLength(1);
  });

  it('should never put coordinates or addresses in notifications or e-mails', async () => {
    const users = [owner, requester, third, english];
    const rows = await t.ds.query<Array<{ data: Record<string, unknown> }>>(
      `SELECT data FROM notifications WHERE user_id = ANY($1::uuid[])`,
      [users.map((u) => u.id)],
    );
    expect(rows.length).toBeGreaterThan(10);
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, inner] of Object.entries(v)) {
          keys.add(k);
          walk(inner);
        }
    };
    rows.forEach((r) => walk(r.data));
    for (const k of keys) expect(k).not.toMatch(/lat|lng|lon|coord|point|location|address|home/i);

    const mails = sink.messages.filter((m) => users.some((u) => m.to.includes(u.email)));
    expect(mails.length).toBeGreaterThan(5);
    const texts = [...rows.map((r) => JSON.stringify(r.data)), ...mails.map((m) => m.raw)];
    for (const u of users) {
      for (const p of [u.home, u.approxHome]) {
        for (const value of [p.lat, p.lng]) {
          const needle = value.toFixed(4);
          for (const text of texts) expect(text).not.toContain(needle);
        }
      }
    }
  });
});
