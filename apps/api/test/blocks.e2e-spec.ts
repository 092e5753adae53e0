import { destination } from '@partagora/geo';
import request from 'supertest';
import { BlocksService } from '../src/modules/blocks/blocks.service';
import { act, createListing, requestExchange } from './factories/exchanges';
import { getProfile } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(BlocksService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let aliceListing: string;
  let bobListing: string;
  let conversationId: string;

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const block = (who: TestUser, target: string) =>
    request(t.url).post(`/api/v1/users/${target}/block`).set(auth(who));
  const unblock = (who: TestUser, target: string) =>
    request(t.url).delete(`/api/v1/users/${target}/block`).set(auth(who));
  const say = (who: TestUser) =>
    request(t.url)
      .post(`/api/v1/conversations/${conversationId}/messages`)
      .set(auth(who))
      .send({ body: 'Bonjour' });
  const searchIds = async (who: TestUser) => {
    const res = await request(t.url)
      .get(`/api/v1/listings?lat=${town.centre.lat}&lng=${town.centre.lng}&radius=5000&limit=100`)
      .set(auth(who))
      .expect(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id);
  };
  const mapIds = async (who: TestUser) => {
    const d = 0.05;
    const { lat, lng } = town.centre;
    const res = await request(t.url)
      .get(`/api/v1/listings/map?bbox=${lng - d},${lat - d},${lng + d},${lat + d}&zoom=18`)
      .set(auth(who))
      .expect(200);
    return (res.body.points as Array<{ id: string }>).map((p) => p.id);
  };
  const detail = (who: TestUser, id: string) =>
    request(t.url).get(`/api/v1/listings/${id}`).set(auth(who));

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    alice = await registerUser(t.url, town, town.centre, 'Alice');
    bob = await registerUser(t.url, town, destination(town.centre, 90, 500), 'Bob');
    carol = await registerUser(t.url, town, destination(town.centre, 180, 500), 'Carol');
    aliceListing = await createListing(t.url, alice, {
      kind: 'give',
      category: 'garden',
      title: 'Pots de fleurs',
    });
    bobListing = await createListing(t.url, bob, {
      kind: 'give',
      category: 'kitchen',
      title: 'Bouilloire',
    });
    const ask = await request(t.url)
      .post(`/api/v1/listings/${aliceListing}/conversations`)
      .set(auth(bob))
      .send({ body: 'Toujours disponible ?' });
    expect(ask.status).toBe(201);
    conversationId = ask.body.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should let both see and reach each other before any block', async () => {
    expect(await searchIds(bob)).toContain(aliceListing);
    expect(await mapIds(alice)).toContain(bobListing);
    await detail(bob, aliceListing).expect(200);
    expect((await say(alice)).status).toBe(201);
  });

  it('should block idempotently with 204, and show it on the profile', async () => {
    await block(alice, bob.id).expect(204);
    await block(alice, bob.id).expect(204);
    const rows = await t.ds.query(
      `SELECT count(*)::int AS n FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2`,
      [alice.id, bob.id],
    );
    expect(rows).toEqual([{ n: 1 }]);
    expect((await getProfile(t.url, alice, bob.id)).body.blockedByMe).toBe(true);
    expect((await getProfile(t.url, bob, alice.id)).body.blockedByMe).toBe(false);
  });

  it.each([
    ['the blocker', () => alice, () => bob],
    ['the blocked member', () => bob, () => alice],
  ])('should stop %s from messaging the other (403 BLOCKED)', async (_c, who) => {
    const res = await say(who());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('BLOCKED');
  });

  it('should stop a new question about the other’s listing (403 BLOCKED)', async () => {
    const res = await request(t.url)
      .post(`/api/v1/listings/${bobListing}/conversations`)
      .set(auth(alice))
      .send({ body: 'Bonjour' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('BLOCKED');
  });

  it.each([
    ['the blocker requests the blocked member’s listing', () => alice, () => bobListing],
    ['the blocked member requests the blocker’s listing', () => bob, () => aliceListing],
  ])('should refuse when %s (403 BLOCKED)', async (_c, who, listing) => {
    const res = await requestExchange(t.url, who(), listing());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('BLOCKED');
  });

  it.each([
    ['the blocker', () => alice, () => bobListing],
    ['the blocked member', () => bob, () => aliceListing],
  ])('should hide the other’s listings from %s in search, map and detail', async (_c, who, id) => {
    expect(await searchIds(who())).not.toContain(id());
    expect(await mapIds(who())).not.toContain(id());
    const res = await detail(who(), id());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('LISTING_NOT_FOUND');
  });

  it('should change nothing for a third member', async () => {
    const ids = await searchIds(carol);
    expect(ids).toEqual(expect.arrayContaining([aliceListing, bobListing]));
    await detail(carol, bobListing).expect(200);
    const res = await requestExchange(t.url, carol, bobListing);
    expect(res.status).toBe(201);
    await act(t.url, carol, res.body.id, 'cancel').expect(200);
  });

  it('should keep the owners’ own listings visible to themselves', async () => {
    await detail(alice, aliceListing).expect(200);
    expect(await searchIds(bob)).toContain(bobListing);
  });

  it('should unblock idempotently with 204 and restore everything', async () => {
    await unblock(alice, bob.id).expect(204);
    await unblock(alice, bob.id).expect(204);
    expect(await searchIds(bob)).toContain(aliceListing);
    await detail(alice, bobListing).expect(200);
    expect((await say(bob)).status).toBe(201);
  });

  it('should keep a block by the other side standing after my unblock', async () => {
    await block(bob, alice.id).expect(204);
    await unblock(alice, bob.id).expect(204); // alice never blocked bob: changes nothing
    expect((await say(alice)).status).toBe(403);
    await unblock(bob, alice.id).expect(204);
    expect((await say(alice)).status).toBe(201);
  });

  it('should answer the authorization matrix: 401 anonymous, 404 unknown member, 422 self', async () => {
    expect((await request(t.url).post(`/api/v1/users/${bob.id}/block`)).status).toBe(401);
    expect((await request(t.url).delete(`/api/v1/users/${bob.id}/block`)).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await block(alice, unknown);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
    expect((await block(alice, 'not-a-uuid')).status).toBe(404);
    const self = await block(alice, alice.id);
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('CANNOT_BLOCK_SELF');
  });
});
