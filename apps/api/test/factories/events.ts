import { type LatLng, destination } from '@partagora/geo';
import request from 'supertest';
import type { TestTown } from './towns';
import type { TestUser } from './users';

const HOUR = 3_600_000;

/** A resident registers a shop (or an association) in `town`; returns its id (pending). */
export async function registerOrganisation(
  url: string,
  user: TestUser,
  town: TestTown,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(url)
    .post('/api/v1/organisations')
    .set('Authorization', `Bearer ${user.token}`)
    .send({
      municipality: town.slug,
      kind: 'shop',
      name: 'Boulangerie du Marché',
      address: '3 place du Marché',
      location: destination(town.centre, 30, 200),
      ...overrides,
    });
  if (res.status !== 201)
    throw new Error(`organisation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function verifyOrganisation(url: string, staff: TestUser, id: string): Promise<void> {
  const res = await request(url)
    .post(`/api/v1/organisations/${id}/verify`)
    .set('Authorization', `Bearer ${staff.token}`);
  if (res.status !== 200) throw new Error(`verify: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A valid event body starting `inHours` from now and lasting two hours. */
export function eventBody(
  place: LatLng,
  overrides: Record<string, unknown> = {},
  inHours = 72,
): Record<string, unknown> {
  const start = new Date(Date.now() + inHours * HOUR);
  return {
    title: 'Vide-grenier de printemps',
    description: 'Sur la place, de 9 h à 17 h.',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    place: { name: 'Place du Marché', address: '1 place du Marché', location: place },
    ...overrides,
  };
}

export function postEvent(
  url: string,
  user: TestUser,
  slug: string,
  body: Record<string, unknown>,
) {
  return request(url)
    .post(`/api/v1/municipalities/${slug}/events`)
    .set('Authorization', `Bearer ${user.token}`)
    .send(body);
}

/** Creates an event; throws unless 201. */
export async function createEvent(
  url: string,
  user: TestUser,
  town: TestTown,
  overrides: Record<string, unknown> = {},
  inHours = 72,
): Promise<string> {
  const res = await postEvent(url, user, town.slug, eventBody(town.centre, overrides, inHours));
  if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const rsvp = (url: string, user: TestUser, eventId: string) =>
  request(url).post(`/api/v1/events/${eventId}/rsvp`).set('Authorization', `Bearer ${user.token}`);

export const cancelRsvp = (url: string, user: TestUser, eventId: string) =>
  request(url)
    .delete(`/api/v1/events/${eventId}/rsvp`)
    .set('Authorization', `Bearer ${user.token}`);
