import request from 'supertest';
import { act, createListing, requestExchange } from './exchanges';
import type { TestUser } from './users';

/** A gift from `owner` to `requester`, taken through every step to `completed`; its id. */
export async function completedGift(url: string, owner: TestUser, requester: TestUser) {
  const listingId = await createListing(url, owner, {
    kind: 'give',
    category: 'books-media',
    title: 'Romans policiers',
  });
  const res = await requestExchange(url, requester, listingId, { message: 'Bonjour !' });
  if (res.status !== 201) throw new Error(`request: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  for (const [who, step] of [
    [owner, 'accept'],
    [requester, 'handover'],
    [requester, 'complete'],
  ] as const) {
    const r = await act(url, who, id, step);
    if (r.status !== 200) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return id;
}

export function postReview(
  url: string,
  who: TestUser | null,
  exchangeId: string,
  body: Record<string, unknown>,
) {
  const req = request(url).post(`/api/v1/exchanges/${exchangeId}/review`);
  if (who) req.set('Authorization', `Bearer ${who.token}`);
  return req.send(body);
}

export function getProfile(url: string, who: TestUser | null, userId: string) {
  const req = request(url).get(`/api/v1/users/${userId}`);
  if (who) req.set('Authorization', `Bearer ${who.token}`);
  return req;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | false | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}
