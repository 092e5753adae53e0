import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { OutboxProcessor } from '../src/modules/outbox/outbox.processor';
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
      `SELECT id::text AS id, type, payload, enqueued_at::text AS enqueued_at, processed_at::text AS processed_at, attempts
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
    const id = await insertRaw('test.race', { n: 1 }, true);
    const processor = worker.get(OutboxProcessor);
    const results = await Promise.all([processor.deliver(id), processor.deliver(id)]);
    expect(results.sort()).toEqual([false, true]);
    const state = await row(id);
    expect(state.processed_at).not.toBeNull();
    expect(state.attempts).toBe(1);
  });

  it('should relay a row that was never enqueued and process it', async () => {
    const id = await insertRaw('test.relay', { note: 'written while Redis was down' }, false);
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
});
