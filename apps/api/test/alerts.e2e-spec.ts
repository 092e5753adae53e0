import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALERT_LIMITS, type AlertView, WANTED_MATCH } from '@partagora/domain';
import { type LatLng, destination, haversineMetres } from '@partagora/geo';
import request from 'supertest';
import { AlertsService } from '../src/modules/alerts/alerts.service';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

interface Posted {
  id: string;
  approxLocation: LatLng;
}

describe(AlertsService.name, () => {
  let sink: MailSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  async function post(who: TestUser, body: Record<string, unknown>): Promise<Posted> {
    const res = await request(t.url).post('/api/v1/listings').set(auth(who)).send(body);
    if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Posted;
  }

  /** Waits until the `listing.created` rows of these listings (and what they caused) are processed. */
  async function settled(listingIds: string[]): Promise<void> {
    await eventually('listing events processed', async () => {
      const rows = await t.ds.query<Array<{ pending: number }>>(
        `SELECT count(*)::int AS pending FROM outbox_events o
          WHERE o.processed_at IS NULL
            AND (o.payload->>'listingId' = ANY($1::text[])
                 OR o.payload->>'notificationId' IN (
                   SELECT id::text FROM notifications WHERE data->>'listingId' = ANY($1::text[])))`,
        [listingIds],
      );
      const done = await t.ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM outbox_events
          WHERE type = 'listing.created' AND processed_at IS NOT NULL AND payload->>'listingId' = ANY($1::text[])`,
        [listingIds],
      );
      return rows[0]!.pending === 0 && done[0]!.n === listingIds.length;
    });
  }

  function notificationsOf(kind: string, listingId: string) {
    return t.ds.query<
      Array<{ user_id: string; data: Record<string, unknown>; email_state: string }>
    >(
      `SELECT user_id, data, email_state FROM notifications WHERE kind = $1 AND data->>'listingId' = $2`,
      [kind, listingId],
    );
  }

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: sink.url });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds, { halfSideM: 9000 });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  describe('saved searches', () => {
    let alice: TestUser;
    let bob: TestUser;

    beforeAll(async () => {
      alice = await registerUser(t.url, town, destination(town.centre, 0, 4000), 'Alice');
      bob = await registerUser(t.url, town, destination(town.centre, 90, 4000), 'Bob');
    });

    it('should create an alert centred on my home by default, list it and delete it', async () => {
      const created = await request(t.url)
        .post('/api/v1/alerts')
        .set(auth(alice))
        .send({ category: 'tools', q: 'échelle' });
      expect(created.status).toBe(201);
      const alert = created.body as AlertView;
      expect(alert).toMatchObject({
        id: expect.any(String),
        radius: ALERT_LIMITS.radiusDefault,
        kind: null,
        category: 'tools',
        q: 'échelle',
        createdAt: expect.any(String),
      });
      expect(haversineMetres(alert.centre, alice.home)).toBeLessThan(0.5);

      const centre = destination(town.centre, 45, 1000);
      const second = await request(t.url)
        .post('/api/v1/alerts')
        .set(auth(alice))
        .send({ centre, radius: 2500, kind: 'give' });
      expect(second.status).toBe(201);
      expect(haversineMetres(second.body.centre as LatLng, centre)).toBeLessThan(0.5);

      const listed = await request(t.url).get('/api/v1/alerts').set(auth(alice));
      expect(listed.status).toBe(200);
      expect(listed.body.nextCursor).toBeNull();
      expect((listed.body.items as AlertView[]).map((a) => a.id)).toEqual([
        second.body.id,
        alert.id,
      ]);
      // Paged like every list: one at a time, no gap, no repeat.
      const first = await request(t.url).get('/api/v1/alerts').query({ limit: 1 }).set(auth(alice));
      expect((first.body.items as AlertView[]).map((a) => a.id)).toEqual([second.body.id]);
      const rest = await request(t.url)
        .get('/api/v1/alerts')
        .query({ limit: 1, cursor: first.body.nextCursor as string })
        .set(auth(alice));
      expect((rest.body.items as AlertView[]).map((a) => a.id)).toEqual([alert.id]);
      expect(rest.body.nextCursor).toBeNull();
      // Alerts are private: Bob sees none of them and cannot delete them.
      expect((await request(t.url).get('/api/v1/alerts').set(auth(bob))).body.items).toEqual([]);
      const foreign = await request(t.url).delete(`/api/v1/alerts/${alert.id}`).set(auth(bob));
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('ALERT_NOT_FOUND');

      await request(t.url).delete(`/api/v1/alerts/${second.body.id}`).set(auth(alice)).expect(204);
      const again = await request(t.url)
        .delete(`/api/v1/alerts/${second.body.id}`)
        .set(auth(alice));
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('ALERT_NOT_FOUND');
      const notUuid = await request(t.url).delete('/api/v1/alerts/nope').set(auth(alice));
      expect(notUuid.status).toBe(404);
      expect(notUuid.body.error.code).toBe('ALERT_NOT_FOUND');
      await request(t.url).delete(`/api/v1/alerts/${alert.id}`).set(auth(alice)).expect(204);
      expect((await request(t.url).get('/api/v1/alerts').set(auth(alice))).body.items).toEqual([]);
    });

    it.each([
      ['a radius below the minimum', { radius: 50 }],
      ['a radius above the maximum', { radius: 50_000 }],
      ['an unknown category', { category: 'boats' }],
      ['an unknown field', { colour: 'red' }],
      ['a centre off the globe', { centre: { lat: 95, lng: 0 } }],
    ])('should refuse %s', async (_name, body) => {
      const res = await request(t.url).post('/api/v1/alerts').set(auth(bob)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('should allow at most 20 alerts, even when created at the same time', async () => {
      const create = () =>
        request(t.url).post('/api/v1/alerts').set(auth(bob)).send({ radius: 500 });
      for (let i = 0; i < ALERT_LIMITS.perUser - 3; i++) expect((await create()).status).toBe(201);
      const burst = await Promise.all(Array.from({ length: 6 }, () => create()));
      expect(burst.filter((r) => r.status === 201)).toHaveLength(3);
      const refused = burst.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
        refused.map(() => [422, 'TOO_MANY_ALERTS']),
      );
      const listed = await request(t.url).get('/api/v1/alerts').set(auth(bob));
      expect(listed.body.items).toHaveLength(ALERT_LIMITS.perUser);
      for (const a of listed.body.items as AlertView[])
        await request(t.url).delete(`/api/v1/alerts/${a.id}`).set(auth(bob)).expect(204);
    });
  });

  describe('matching new listings', () => {
    it('should notify an alert when a neighbour posts a match inside its circle, and only then', async () => {
      const centre = destination(town.centre, 200, 2000);
      const watcher = await registerUser(t.url, town, centre, 'Wanda');
      const near = await registerUser(t.url, town, destination(centre, 30, 450), 'Nadia');
      const far = await registerUser(t.url, town, destination(centre, 210, 2500), 'Fabien');
      const res = await request(t.url)
        .post('/api/v1/alerts')
        .set(auth(watcher))
        .send({ radius: 1000, category: 'tools', q: 'echelle' });
      expect(res.status).toBe(201);
      const alert = res.body as AlertView;

      const inside = await post(near, {
        kind: 'lend',
        category: 'tools',
        title: 'Échelle télescopique',
      });
      const outside = await post(far, {
        kind: 'lend',
        category: 'tools',
        title: 'Échelle télescopique',
      });
      const otherCategory = await post(near, {
        kind: 'give',
        category: 'garden',
        title: 'Échelle de jardin',
      });
      const otherWords = await post(near, { kind: 'lend', category: 'tools', title: 'Perceuse' });
      const own = await post(watcher, {
        kind: 'lend',
        category: 'tools',
        title: 'Échelle en alu',
      });
      // The circle is tested against the PUBLIC points the API shows.
      expect(haversineMetres(inside.approxLocation, alert.centre)).toBeLessThan(1000);
      expect(haversineMetres(outside.approxLocation, alert.centre)).toBeGreaterThan(1000);
      expect(haversineMetres(own.approxLocation, alert.centre)).toBeLessThan(1000);

      const ids = [inside, outside, otherCategory, otherWords, own].map((l) => l.id);
      await settled(ids);
      const matches = await t.ds.query<
        Array<{ kind: string; data: Record<string, unknown>; email_state: string }>
      >(`SELECT kind, data, email_state FROM notifications WHERE user_id = $1`, [watcher.id]);
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({
        kind: 'alert_match',
        email_state: 'digest',
        data: {
          alertId: alert.id,
          listingId: inside.id,
          listingTitle: 'Échelle télescopique',
          listingKind: 'lend',
          category: 'tools',
          ownerName: 'Nadia',
          distance: expect.stringMatching(/^(<500m|500m-1km)$/),
        },
      });
      expect(JSON.stringify(matches[0]!.data)).not.toMatch(/lat|lng/);
      // Nobody else was told about the owner's own listing or the far one.
      expect(await notificationsOf('alert_match', own.id)).toEqual([]);
      expect(await notificationsOf('alert_match', outside.id)).toEqual([]);

      // In the app, and no instant e-mail (alerts go to the digest by default).
      const page = await request(t.url).get('/api/v1/notifications').set(auth(watcher));
      expect(page.body.items.map((n: { kind: string }) => n.kind)).toEqual(['alert_match']);
      await sleep(300);
      // (The welcome mail asking to confirm the address is an account mail, not a notification.)
      expect(
        sink.to(watcher.email).filter((m) => !m.headers.has('x-partagora-account-mail')),
      ).toEqual([]);
    });

    it('should tell at most 5 of the nearest owners of a matching item about a wanted post', async () => {
      const centre = destination(town.centre, 300, 3000);
      const seeker = await registerUser(t.url, town, centre, 'Sacha');
      const owners: Array<{ user: TestUser; listing: Posted }> = [];
      for (let i = 0; i < 7; i++) {
        const user = await registerUser(
          t.url,
          town,
          destination(centre, i * 51, 300 + i * 350),
          `Voisin ${i}`,
        );
        const listing = await post(user, {
          kind: i % 2 === 0 ? 'lend' : 'give',
          category: 'tools',
          title: i === 3 ? 'Perceuses et forets' : `Perceuse visseuse ${i}`,
        });
        owners.push({ user, listing });
      }
      // One owner with two matching items is one recipient.
      await post(owners[0]!.user, {
        kind: 'barter',
        category: 'tools',
        title: 'Perceuse à colonne',
      });
      const far = await registerUser(t.url, town, destination(centre, 120, 5000), 'Loin');
      await post(far, { kind: 'lend', category: 'tools', title: 'Perceuse' });
      const otherCategory = await registerUser(t.url, town, destination(centre, 10, 200), 'Jardin');
      await post(otherCategory, { kind: 'lend', category: 'garden', title: 'Perceuse tarière' });
      const otherWords = await registerUser(t.url, town, destination(centre, 20, 150), 'Tondeur');
      await post(otherWords, { kind: 'lend', category: 'tools', title: 'Tondeuse' });
      const alsoWanting = await registerUser(t.url, town, destination(centre, 40, 250), 'Autre');
      await post(alsoWanting, { kind: 'wanted', category: 'tools', title: 'Perceuse' });
      // The seeker's own drill does not count.
      await post(seeker, { kind: 'lend', category: 'tools', title: 'Perceuse cassée' });

      const wanted = await post(seeker, {
        kind: 'wanted',
        category: 'tools',
        title: 'Cherche une perceuse',
      });
      await settled([wanted.id]);

      // Distances between public points, measured the way the query measures them.
      const distances = await t.ds.query<Array<{ id: string; d: number }>>(
        `SELECT l.id, ST_Distance(l.public_point, w.public_point) AS d
           FROM listings l, listings w WHERE w.id = $1 AND l.id = ANY($2::uuid[])`,
        [wanted.id, owners.map((o) => o.listing.id)],
      );
      const expected = owners
        .map((o) => ({ id: o.user.id, d: Number(distances.find((x) => x.id === o.listing.id)!.d) }))
        .filter((o) => o.d <= WANTED_MATCH.radiusM)
        .sort((a, b) => a.d - b.d)
        .slice(0, WANTED_MATCH.maxOwners)
        .map((o) => o.id);
      expect(expected).toHaveLength(WANTED_MATCH.maxOwners);

      const rows = await notificationsOf('wanted_match', wanted.id);
      expect(rows.map((r) => r.user_id).sort()).toEqual([...expected].sort());
      const first = rows.find((r) => r.user_id === owners[0]!.user.id);
      if (first) {
        expect(first.data).toMatchObject({
          listingTitle: 'Cherche une perceuse',
          wantedById: seeker.id,
          wantedByName: 'Sacha',
          category: 'tools',
          distance: expect.any(String),
        });
        expect(String(first.data.matchedListingTitle)).toMatch(/^Perceuse/);
      }
      for (const r of rows) expect(JSON.stringify(r.data)).not.toMatch(/lat|lng/);
      expect(await notificationsOf('alert_match', wanted.id)).toEqual([]);
    });
  });
});
