import request from 'supertest';
import type { TestUser } from './users';

const DAY = 86_400_000;

/** ISO period starting `fromDays` days from now, lasting `days` days. */
export function period(fromDays: number, days: number, base = Date.now()) {
  const start = new Date(base + fromDays * DAY);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + days * DAY).toISOString() };
}

export async function createListing(
  url: string,
  owner: TestUser,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await request(url)
    .post('/api/v1/listings')
    .set('Authorization', `Bearer ${owner.token}`)
    .send(body);
  if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export function requestExchange(
  url: string,
  who: TestUser,
  listingId: string,
  body: Record<string, unknown> = {},
) {
  return request(url)
    .post(`/api/v1/listings/${listingId}/exchanges`)
    .set('Authorization', `Bearer ${who.token}`)
    .send(body);
}

export function act(url: string, who: TestUser, exchangeId: string, action: string) {
  return request(url)
    .post(`/api/v1/exchanges/${exchangeId}/${action}`)
    .set('Authorization', `Bearer ${who.token}`);
}
