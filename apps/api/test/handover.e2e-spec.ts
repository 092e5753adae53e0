import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { ExchangesService } from '../src/modules/exchanges/exchanges.service';
import { WorkerModule } from '../src/worker.module';
import { FIXTURE_CENTRE, importFixtureAddresses } from './factories/addresses';
import { act, createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/** Where "4 Rue Thiers" stands in the fixture (a few metres off, as a home would be). */
const NEAR_4_RUE_THIERS = { lat: 46.204 - 0.00008 + 0.00002, lng: 4.8008 + 0.00003 };

describe(`${ExchangesService.name} hand-over`, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let borrower: TestUser;
  let stranger: TestUser;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    // The worker turns the outbox's reschedule events into notifications.
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds, { centre: FIXTURE_CENTRE });
    await importFixtureAddresses(t.ds, town);
    owner = await registerUser(t.url, town, NEAR_4_RUE_THIERS, 'Prêteuse');
    borrower = await registerUser(t.url, town, destination(FIXTURE_CENTRE, 90, 900), 'Emprunteur');
    stranger = await registerUser(t.url, town, destination(FIXTURE_CENTRE, 180, 900), 'Curieux');
  });

  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const get = (who: TestUser, id: string) =>
    request(t.url).get(`/api/v1/exchanges/${id}`).set('Authorization', `Bearer ${who.token}`);
  const lend = () =>
    createListing(t.url, owner, { kind: 'lend', category: 'tools', title: 'Perceuse' });

  describe('meeting address', () => {
    it('should show the street address to both parties only once accepted, never to others', async () => {
      const listingId = await lend();
      const res = await requestExchange(t.url, borrower, listingId, period(1, 2));
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      // Requested: approximate point, no address at all, for either party.
      for (const who of [owner, borrower]) {
        const before = await get(who, id);
        expect(before.body.meetingPointExact).toBe(false);
        expect(before.body).not.toHaveProperty('meetingAddress');
        expect(JSON.stringify(before.body)).not.toContain('Thiers');
      }
      expect((await act(t.url, owner, id, 'accept')).status).toBe(200);
      for (const who of [owner, borrower]) {
        const after = await get(who, id);
        expect(after.body.meetingPointExact).toBe(true);
        expect(after.body.meetingAddress).toBe('4 Rue Thiers, 01990 Fixtureville');
      }
      const list = await request(t.url)
        .get('/api/v1/exchanges')
        .set('Authorization', `Bearer ${borrower.token}`);
      expect(list.body.items.find((e: { id: string }) => e.id === id).meetingAddress).toBe(
        '4 Rue Thiers, 01990 Fixtureville',
      );
      // Someone else: no such exchange.
      const other = await get(stranger, id);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain('Thiers');
      // Cancelled: the exact place and its address are withdrawn.
      expect((await act(t.url, borrower, id, 'cancel')).status).toBe(200);
      const ended = await get(borrower, id);
      expect(ended.body.meetingPointExact).toBe(false);
      expect(ended.body).not.toHaveProperty('meetingAddress');
    });

    it('should keep a loan far ahead approximate, address included, until 48 h before', async () => {
      const listingId = await lend();
      const res = await requestExchange(t.url, borrower, listingId, period(10, 2));
      const id = res.body.id as string;
      expect((await act(t.url, owner, id, 'accept')).status).toBe(200);
      const view = await get(borrower, id);
      expect(view.body.meetingPointExact).toBe(false);
      expect(view.body).not.toHaveProperty('meetingAddress');
    });

    it('should fall back to the street, then to nothing, as the point moves away', async () => {
      // ~190 m east of the last number of rue Thiers, ~300 m from the street's centroid …
      const streetOnly = await createListing(t.url, owner, {
        kind: 'give',
        category: 'tools',
        title: 'Scie',
        location: { lat: 46.204, lng: 4.8049 },
      });
      const far = await createListing(t.url, owner, {
        kind: 'give',
        category: 'tools',
        title: 'Marteau',
        location: destination(FIXTURE_CENTRE, 225, 3000),
      });
      const seen: Array<string | null> = [];
      for (const listingId of [streetOnly, far]) {
        const res = await requestExchange(t.url, borrower, listingId, {});
        expect(res.status).toBe(201);
        const accepted = await act(t.url, owner, res.body.id, 'accept');
        expect(accepted.body.meetingPointExact).toBe(true);
        seen.push(accepted.body.meetingAddress);
      }
      expect(seen[0]).toBe('Rue Thiers, 01990 Fixtureville');
      expect(seen[1]).toBeNull();
    });
  });

  describe('reschedule', () => {
    const propose = (who: TestUser, id: string, body: Record<string, unknown>) =>
      request(t.url)
        .post(`/api/v1/exchanges/${id}/reschedule`)
        .set('Authorization', `Bearer ${who.token}`)
        .send(body);
    const accept = (who: TestUser, id: string) =>
      request(t.url)
        .post(`/api/v1/exchanges/${id}/reschedule/accept`)
        .set('Authorization', `Bearer ${who.token}`);
    const notificationsOf = async (who: TestUser, kind: string) => {
      for (let i = 0; i < 50; i++) {
        const res = await request(t.url)
          .get('/api/v1/notifications')
          .set('Authorization', `Bearer ${who.token}`);
        const found = (
          res.body.items as Array<{ kind: string; data: { exchangeId: string } }>
        ).filter((n) => n.kind === kind);
        if (found.length > 0) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    };

    it('should move an accepted loan once the other party accepts, and tell each', async () => {
      const listingId = await lend();
      const res = await requestExchange(t.url, borrower, listingId, period(3, 2));
      const id = res.body.id as string;
      expect((await act(t.url, owner, id, 'accept')).status).toBe(200);
      const next = period(5, 3);
      const proposed = await propose(borrower, id, next);
      expect(proposed.status).toBe(200);
      expect(proposed.body.reschedule).toEqual({ ...next, proposedBy: 'requester' });
      // The agreed dates stand until the owner accepts.
      expect(proposed.body.start).toBe(res.body.start);
      const told = await notificationsOf(owner, 'exchange_reschedule_proposed');
      expect(told.map((n) => n.data.exchangeId)).toContain(id);
      // The proposer cannot accept their own proposal.
      expect((await accept(borrower, id)).body.error.code).toBe('INVALID_TRANSITION');
      const done = await accept(owner, id);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ start: next.start, end: next.end, reschedule: null });
      expect(
        (await notificationsOf(borrower, 'exchange_rescheduled')).map((n) => n.data.exchangeId),
      ).toContain(id);
      // Nothing is waiting any more.
      expect((await accept(borrower, id)).status).toBe(409);
      // The new dates hold the item: another booking on them is refused.
      const clash = await requestExchange(t.url, stranger, listingId, period(6, 1));
      expect(clash.status).toBe(409);
      expect(clash.body.error.code).toBe('BOOKING_OVERLAP');
    });

    it('should refuse new dates that overlap another agreed loan (409 BOOKING_OVERLAP)', async () => {
      const listingId = await lend();
      const first = await requestExchange(t.url, borrower, listingId, period(2, 2));
      const second = await requestExchange(t.url, stranger, listingId, period(8, 2));
      expect((await act(t.url, owner, first.body.id, 'accept')).status).toBe(200);
      expect((await act(t.url, owner, second.body.id, 'accept')).status).toBe(200);
      const res = await propose(borrower, first.body.id, period(7, 2));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('BOOKING_OVERLAP');
      // A proposal made while free, accepted once the dates were taken: still refused.
      const ok = await propose(owner, first.body.id, period(12, 2));
      expect(ok.status).toBe(200);
      const other = await propose(stranger, second.body.id, period(12, 1));
      expect(other.status).toBe(200);
      expect((await accept(owner, second.body.id)).status).toBe(200);
      const late = await accept(borrower, first.body.id);
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('BOOKING_OVERLAP');
      const unchanged = await get(borrower, first.body.id);
      expect(unchanged.body.start).toBe(first.body.start);
    });

    it('should answer 404 to anyone but the parties, and refuse what is not an agreed loan', async () => {
      const listingId = await lend();
      const res = await requestExchange(t.url, borrower, listingId, period(2, 1));
      const id = res.body.id as string;
      const early = await propose(borrower, id, period(4, 1));
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('INVALID_TRANSITION');
      await act(t.url, owner, id, 'accept');
      const outsider = await propose(stranger, id, period(4, 1));
      expect(outsider.status).toBe(404);
      expect(outsider.body.error.code).toBe('EXCHANGE_NOT_FOUND');
      expect((await accept(stranger, id)).status).toBe(404);
      expect((await propose(owner, id, { start: 'tomorrow' })).status).toBe(400);
      const tooLong = await propose(owner, id, period(4, 30));
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.error.code).toBe('LOAN_TOO_LONG');
    });
  });
});
