import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OutboxPayloadError } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { ListingMatchesHandler } from '../src/modules/alerts/listing-matches.handler';
import { OutboxProcessor } from '../src/modules/outbox/outbox.processor';
import { OutboxRepository } from '../src/modules/outbox/outbox.repository';
import { OutboxService } from '../src/modules/outbox/outbox.service';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

interface OutboxState {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  enqueued_at: string | null;
  processed_at: string | null;
  dead_at: string | null;
  last_error: string | null;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(OutboxProcessor.name, () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let owner: TestUser;

  /** Timestamps as text, so comparisons keep PostgreSQL's microseconds. */
  async function row(id: string): Promise<OutboxState> {
    const rows = await api.ds.query<OutboxState[]>(
      `SELECT id::text AS id, type, payload, enqueued_at::text AS enqueued_at, processed_at::text AS processed_at,
              dead_at::text AS dead_at, last_error, attempts
         FROM outbox_events WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new Error(`no outbox row ${id}`);
    return rows[0];
  }

  async function waitProcessed(id: string, timeoutMs = 8000): Promise<OutboxState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await row(id);
      if (state.processed_at !== null) return state;
      if (Date.now() > deadline)
        throw new Error(
          `outbox row ${id} not processed after ${timeoutMs} ms: ${JSON.stringify(state)}`,
        );
      await sleep(100);
    }
  }

  async function waitUntil(
    what: string,
    id: string,
    done: (s: OutboxState) => boolean,
    timeoutMs = 10000,
  ): Promise<OutboxState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await row(id);
      if (done(state)) return state;
      if (Date.now() > deadline)
        throw new Error(
          `outbox row ${id}: ${what} not seen after ${timeoutMs} ms: ${JSON.stringify(state)}`,
        );
      await sleep(100);
    }
  }

  async function insertRaw(
    type: string,
    payload: Record<string, unknown>,
    enqueued: boolean,
  ): Promise<string> {
    const rows = await api.ds.query<Array<{ id: string }>>(
      `INSERT INTO outbox_events (type, payload, enqueued_at) VALUES ($1, $2, ${enqueued ? 'now()' : 'NULL'}) RETURNING id::text AS id`,
      [type, JSON.stringify(payload)],
    );
    return rows[0]!.id;
  }

  beforeAll(async () => {
    // startTestApp puts the test configuration (OUTBOX_POLL_MS=200, secrets…) in process.env,
    // which the worker's CoreModule reads like the real worker process does.
    api = await startTestApp();
    expect(process.env.OUTBOX_POLL_MS).toBe('200');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(api.ds);
    owner = await registerUser(api.url, town, destination(town.centre, 60, 900), 'Propriétaire');
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  let listingOutboxId: string;

  it('should record listing.created in the outbox and have the worker process it', async () => {
    const res = await request(api.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ kind: 'lend', category: 'tools', title: 'Perceuse test' });
    expect(res.status).toBe(201);
    const listingId = res.body.id as string;
    expect(listingId).toEqual(expect.any(String));

    const rows = await api.ds.query<Array<{ id: string }>>(
      `SELECT id::text AS id FROM outbox_events WHERE type = 'listing.created' AND payload->>'listingId' = $1`,
      [listingId],
    );
    expect(rows).toHaveLength(1);
    listingOutboxId = rows[0]!.id;

    const done = await waitProcessed(listingOutboxId);
    expect(done.payload).toEqual({ listingId, ownerId: owner.id });
    // Published right after the commit, not left for the relay.
    expect(done.enqueued_at).not.toBeNull();
    expect(done.attempts).toBe(1);
  });

  it('should skip an already processed row (idempotent delivery)', async () => {
    const before = await row(listingOutboxId);
    expect(before.processed_at).not.toBeNull();

    const processor = worker.get(OutboxProcessor);
    await expect(processor.deliver(listingOutboxId)).resolves.toBe(false);

    const after = await row(listingOutboxId);
    expect(after.processed_at).toBe(before.processed_at);
    expect(after.attempts).toBe(before.attempts);
  });

  it('should deliver a row once when two deliveries race', async () => {
    // Marked enqueued just now, so the relay leaves it alone and only these two calls deliver it.
    const id = await insertRaw(
      'listing.updated',
      { listingId: randomUUID(), ownerId: owner.id },
      true,
    );
    const processor = worker.get(OutboxProcessor);
    const results = await Promise.all([processor.deliver(id), processor.deliver(id)]);
    expect(results.sort()).toEqual([false, true]);
    const state = await row(id);
    expect(state.processed_at).not.toBeNull();
    expect(state.attempts).toBe(1);
  });

  it('should relay a row that was never enqueued and process it', async () => {
    // Written while Redis was down: never enqueued.
    const id = await insertRaw(
      'listing.updated',
      { listingId: randomUUID(), ownerId: owner.id },
      false,
    );
    expect((await row(id)).enqueued_at).toBeNull();

    const done = await waitProcessed(id);
    expect(done.enqueued_at).not.toBeNull();
    expect(done.attempts).toBe(1);
  });

  it('should re-run a row whose job already completed while the row is still unprocessed', async () => {
    // The listing's row was delivered: its job `outbox-<id>` sits completed in BullMQ. Make the
    // row look lost (unprocessed, enqueued long ago); BullMQ alone would ignore a job id it knows.
    const before = await row(listingOutboxId);
    await api.ds.query(
      `UPDATE outbox_events SET processed_at = NULL, enqueued_at = now() - interval '5 minutes' WHERE id = $1`,
      [listingOutboxId],
    );
    const done = await waitProcessed(listingOutboxId);
    expect(done.attempts).toBe(before.attempts + 1);
  });

  /** Makes the worker's `listing.created` handler fail while `failing.on` is true. */
  function failListingHandler(message: string) {
    const failing = { on: true, calls: 0 };
    const handler = worker.get(ListingMatchesHandler);
    const real = handler.handle.bind(handler);
    jest.spyOn(handler, 'handle').mockImplementation(async (event, manager) => {
      failing.calls += 1;
      if (failing.on) throw new Error(message);
      return real(event, manager);
    });
    return failing;
  }

  const listingPayload = () => ({ listingId: randomUUID(), ownerId: owner.id });

  /** Error-level log lines, kept out of the test output. */
  const errorLogs = () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    return () => spy.mock.calls.map((c) => String(c[0]));
  };

  it('should count the attempts of a failing handler across retries, outside its rolled-back transaction', async () => {
    const failing = failListingHandler('alerts are down');
    const repo = worker.get(OutboxRepository);
    const id = await api.ds.transaction((m) => repo.add(m, 'listing.created', listingPayload()));
    await worker.get(OutboxService).publish([id]);

    // BullMQ retries with backoff (1 s, then 2 s): each failure is counted and its error kept.
    const failed = await waitUntil('two failed attempts', id, (s) => s.attempts >= 2);
    expect(failed).toMatchObject({
      processed_at: null,
      dead_at: null,
      last_error: 'alerts are down',
    });

    failing.on = false;
    const done = await waitProcessed(id, 10000);
    expect(done.dead_at).toBeNull();
    expect(done.attempts).toBe(failing.calls);
    expect(done.attempts).toBeGreaterThanOrEqual(3);
    // The last error stays for the record after a later success.
    expect(done.last_error).toBe('alerts are down');
  });

  it('should dead-letter a row after OUTBOX_MAX_ATTEMPTS failures and never retry it', async () => {
    const failing = failListingHandler('still down');
    const errors = errorLogs();
    const max = worker.get<symbol, AppConfig>(APP_CONFIG).outboxMaxAttempts;
    expect(max).toBe(10);
    const processor = worker.get(OutboxProcessor);
    const repo = worker.get(OutboxRepository);
    // Marked enqueued just now, so only these direct deliveries run it.
    const id = await insertRaw('listing.created', listingPayload(), true);

    for (let attempt = 1; attempt < max; attempt++) {
      await expect(processor.deliver(id)).rejects.toThrow('still down');
      expect(await row(id)).toMatchObject({ attempts: attempt, dead_at: null });
    }
    // The last allowed attempt fails too: dead, not thrown (BullMQ stops retrying it).
    await expect(processor.deliver(id)).resolves.toBe(false);
    const dead = await row(id);
    expect(dead).toMatchObject({ attempts: max, processed_at: null, last_error: 'still down' });
    expect(dead.dead_at).not.toBeNull();
    expect(failing.calls).toBe(max);
    expect(errors()).toEqual([
      `outbox ${id} (listing.created) dead-lettered after ${max} attempt(s), no more retries: still down`,
    ]);

    // Neither a delivery nor the relay runs it again, even once it looks lost.
    await expect(processor.deliver(id)).resolves.toBe(false);
    await api.ds.query(
      `UPDATE outbox_events SET enqueued_at = now() - interval '5 minutes' WHERE id = $1`,
      [id],
    );
    expect(await repo.dueForRelay(0, 100_000)).not.toContain(id);
    await sleep(1000); // several relay sweeps (OUTBOX_POLL_MS=200)
    expect(failing.calls).toBe(max);
    expect(await row(id)).toMatchObject({ attempts: max, dead_at: dead.dead_at });

    // Visible to the operator (`cli.js outbox:dead`), and revived once the cause is fixed.
    const letters = await repo.deadLetters(1000);
    expect(letters.rows.find((r) => r.id === id)).toMatchObject({
      type: 'listing.created',
      attempts: max,
      lastError: 'still down',
    });
    expect(letters.total).toBeGreaterThanOrEqual(1);
    failing.on = false;
    expect(await repo.revive([id])).toEqual([id]);
    const revived = await waitProcessed(id);
    expect(revived).toMatchObject({ dead_at: null, attempts: 1 });
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    [
      'an unknown type',
      'listing.craeted',
      { listingId: randomUUID() },
      'unknown outbox event type',
    ],
    ['a payload that does not fit', 'listing.created', { listingId: 'x' }, 'invalid payload'],
  ])(
    'should dead-letter at once a row with %s (retrying cannot fix it)',
    async (_n, type, payload, error) => {
      const errors = errorLogs();
      const id = await insertRaw(type, payload, false); // left for the relay
      const dead = await waitUntil('dead-lettered', id, (s) => s.dead_at !== null);
      expect(errors()).toEqual([expect.stringContaining(`outbox ${id} (${type}) dead-lettered`)]);
      expect(dead.attempts).toBe(1);
      expect(dead.processed_at).toBeNull();
      expect(dead.last_error).toContain(error);
    },
  );

  it('should refuse a payload that does not fit its schema before anything is written', async () => {
    const repo = api.app.get(OutboxRepository);
    const marker = randomUUID();
    const count = async () => {
      const [r] = await api.ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'listingId' = $1`,
        [marker],
      );
      return r!.n;
    };
    await expect(
      api.ds.transaction(async (m) => {
        // A valid event of the same change, written first: it must roll back with the bad one.
        await repo.add(m, 'listing.updated', { listingId: marker, ownerId: owner.id });
        await repo.add(m, 'listing.created', { listingId: marker, ownerId: 'not-a-uuid' });
      }),
    ).rejects.toThrow(OutboxPayloadError);
    await expect(
      repo.add(api.ds.manager, 'listing.created', { listingId: marker } as never),
    ).rejects.toThrow('invalid payload for outbox event "listing.created": ownerId');
    expect(await count()).toBe(0);
  });
});
