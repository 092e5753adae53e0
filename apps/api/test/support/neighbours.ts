import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import type { LatLng } from '@partagora/geo';
import type { TestUser } from '../factories/users';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Waits until no outbox row is pending (the worker delivered every event). */
export function outboxDrained(ds: DataSource): Promise<boolean> {
  return eventually('the outbox drained', async () => {
    const rows = await ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL AND dead_at IS NULL`,
    );
    return rows[0]!.n === 0;
  });
}

/** A point near `centre` with many decimals, so its text form is unmistakable in a scan. */
export function preciseNear(centre: LatLng, dLat: number, dLng: number): LatLng {
  const jitter = () => randomBytes(2).readUInt16BE(0) / 1e10;
  return {
    lat: Number((centre.lat + dLat + jitter()).toFixed(7)),
    lng: Number((centre.lng + dLng + jitter()).toFixed(7)),
  };
}

/** A tiny API client for one member. */
export function client(url: string, who: TestUser) {
  const auth = { Authorization: `Bearer ${who.token}` };
  return {
    get: (path: string) => request(url).get(`/api/v1${path}`).set(auth),
    post: (path: string, body: Record<string, unknown> = {}) =>
      request(url).post(`/api/v1${path}`).set(auth).send(body),
    del: (path: string, body?: Record<string, unknown>) =>
      request(url).delete(`/api/v1${path}`).set(auth).send(body),
    async ok(path: string, body: Record<string, unknown> = {}, status = 201) {
      const res = await request(url).post(`/api/v1${path}`).set(auth).send(body);
      if (res.status !== status) {
        throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res.body as Record<string, unknown> & { id: string };
    },
  };
}

/** Runs a gift from request to completion: `giver` gives `listingId` to `taker`. */
export async function completedGift(
  url: string,
  giver: TestUser,
  taker: TestUser,
  listingId: string,
  message?: string,
) {
  const ex = await client(url, taker).ok(
    `/listings/${listingId}/exchanges`,
    message ? { message } : {},
  );
  for (const action of ['accept', 'handover', 'complete']) {
    await client(url, giver).ok(`/exchanges/${ex.id}/${action}`, {}, 200);
  }
  return ex as { id: string; conversationId?: string };
}
