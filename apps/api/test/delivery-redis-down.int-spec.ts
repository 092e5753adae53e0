import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { OutboxRelayService } from '../src/modules/outbox/outbox-relay.service';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import {
  assertOwnRedis,
  portOpen,
  redisPort,
  startRedis,
  stopRedis,
  until,
} from './support/redis-server';
import { type TestApp, startTestApp } from './test-context';

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(OutboxRelayService.name, () => {
  let sink: MailSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let owner: TestUser;
  const requesters: TestUser[] = [];
  const listings: string[] = [];
  let redisDown = false;

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  beforeAll(async () => {
    assertOwnRedis();
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: sink.url });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Bricothèque de quartier');
    for (let i = 0; i < 5; i++) {
      requesters.push(
        await registerUser(t.url, town, destination(town.centre, i * 72, 800), `Voisin ${i}`),
      );
    }
    for (let i = 0; i < 15; i++) {
      const res = await request(t.url)
        .post('/api/v1/listings')
        .set(auth(owner))
        .send({ kind: 'lend', category: 'tools', title: `Outil ${i}` });
      expect(res.status).toBe(201);
      listings.push(res.body.id as string);
    }
  });

  afterAll(async () => {
    // Whatever happened above, later suites need Redis back.
    if (redisDown || !(await portOpen(redisPort))) await startRedis();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  it('should keep answering while Redis is down and deliver every notification and e-mail once when it returns', async () => {
    const start = new Date(Date.now() + 3 * DAY);
    start.setUTCMinutes(0, 0, 0);
    const body = {
      start: start.toISOString(),
      end: new Date(start.getTime() + DAY).toISOString(),
    };
    const timings: Array<{ op: string; status: number; ms: number }> = [];
    const exchangeIds: string[] = [];
    const timed = async (op: string, send: () => request.Test) => {
      const t0 = Date.now();
      const res = await send();
      timings.push({ op, status: res.status, ms: Date.now() - t0 });
      return res;
    };

    // 30 events over HTTP: 15 loan requests, then 15 acceptances; Redis stops after the 8th.
    for (let i = 0; i < 15; i++) {
      if (i === 8) {
        await stopRedis();
        redisDown = true;
      }
      const res = await timed(`request ${i}`, () =>
        request(t.url)
          .post(`/api/v1/listings/${listings[i]}/exchanges`)
          .set(auth(requesters[i % 5]!))
          .send(body),
      );
      exchangeIds.push(res.body.id as string);
    }
    for (let i = 0; i < 15; i++) {
      await timed(`accept ${i}`, () =>
        request(t.url).post(`/api/v1/exchanges/${exchangeIds[i]}/accept`).set(auth(owner)),
      );
    }
    // Redis was down for 22 of the 30 calls: the API answered every one, and quickly.
    expect(timings.filter((x) => x.status !== (x.op.startsWith('request') ? 201 : 200))).toEqual(
      [],
    );
    expect(timings.filter((x) => x.ms >= 2000)).toEqual([]);

    // Nothing could be delivered meanwhile; the facts wait in the outbox.
    const waiting = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events
          WHERE processed_at IS NULL AND payload->>'exchangeId' = ANY($1::text[])`,
      [exchangeIds],
    );
    expect(waiting[0]!.n).toBeGreaterThan(0);

    await startRedis();
    redisDown = false;

    // Every expected notification exists, exactly once: the owner's 15 requests, each
    // requester's acceptances.
    type Row = {
      id: string;
      user_id: string;
      kind: string;
      exchange_id: string;
      email_state: string;
    };
    const expected = exchangeIds.flatMap((id, i) => [
      `${owner.id}|exchange_requested|${id}`,
      `${requesters[i % 5]!.id}|exchange_accepted|${id}`,
    ]);
    let rows: Row[] = [];
    await until(
      'every notification and e-mail',
      async () => {
        rows = await t.ds.query<Row[]>(
          `SELECT id, user_id, kind, data->>'exchangeId' AS exchange_id, email_state
               FROM notifications WHERE data->>'exchangeId' = ANY($1::text[])`,
          [exchangeIds],
        );
        const ids = new Set(rows.map((r) => r.id));
        const delivered = new Set(
          sink.messages
            .map((m) => m.headers.get('x-partagora-notification'))
            .filter((h): h is string => !!h && ids.has(h)),
        );
        return rows.length >= expected.length && delivered.size >= expected.length;
      },
      150_000,
    );
    expect(rows.map((r) => `${r.user_id}|${r.kind}|${r.exchange_id}`).sort()).toEqual(
      [...expected].sort(),
    );
    expect(rows.every((r) => r.email_state === 'sent')).toBe(true);

    // Give late retries a chance to show up, then count: one e-mail per notification.
    await sleep(3000);
    const ids = new Set(rows.map((r) => r.id));
    const ours = sink.messages.filter((m) =>
      ids.has(m.headers.get('x-partagora-notification') ?? ''),
    );
    const unique = new Set(ours.map((m) => m.headers.get('x-partagora-notification')));
    expect(unique.size).toBe(expected.length);
    expect(ours).toHaveLength(expected.length);

    const left = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events
          WHERE processed_at IS NULL
            AND (payload->>'exchangeId' = ANY($1::text[]) OR payload->>'notificationId' = ANY($2::text[]))`,
      [exchangeIds, [...ids]],
    );
    expect(left[0]!.n).toBe(0);
  }, 240_000);
});
