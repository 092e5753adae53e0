import type { ExchangeView } from '@partagora/domain';
import { destination, haversineMetres } from '@partagora/geo';
import request from 'supertest';
import { ExchangesService } from '../src/modules/exchanges/exchanges.service';
import { act, createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(ExchangesService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let requester: TestUser;
  let third: TestUser;
  const neighbours: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(
      t.url,
      town,
      { lat: town.centre.lat + 0.00123456, lng: town.centre.lng + 0.00234567 },
      'Camille',
    );
    requester = await registerUser(t.url, town, destination(town.centre, 90, 800), 'Louis');
    third = await registerUser(t.url, town, destination(town.centre, 180, 800), 'Inès');
    for (let i = 0; i < 12; i++)
      neighbours.push(
        await registerUser(t.url, town, destination(town.centre, i * 30, 1200), `Voisin ${i}`),
      );
  });

  afterAll(async () => {
    await t.close();
  });

  const lend = (extra: Record<string, unknown> = {}) =>
    createListing(t.url, owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Perceuse',
      loanSettings: { maxDays: 7, bufferHours: 2 },
      ...extra,
    });

  describe('loans', () => {
    it('should book, accept, hand over, return and complete a loan, with its conversation', async () => {
      const listingId = await lend();
      const p = period(1, 2);
      const created = await requestExchange(t.url, requester, listingId, {
        ...p,
        message: 'Bonjour, pour samedi ?',
      });
      expect(created.status).toBe(201);
      const ex = created.body as ExchangeView;
      expect(ex).toMatchObject({
        kind: 'loan',
        status: 'requested',
        listingId,
        ownerId: owner.id,
        requesterId: requester.id,
        start: p.start,
        end: p.end,
      });
      expect(ex.conversationId).toEqual(expect.any(String));
      const msgs = await t.ds.query(`SELECT seq, body FROM messages WHERE conversation_id = $1`, [
        ex.conversationId,
      ]);
      expect(msgs).toEqual([{ seq: 1, body: 'Bonjour, pour samedi ?' }]);

      for (const [who, action, status] of [
        [owner, 'accept', 'accepted'],
        [requester, 'handover', 'handed_over'],
        [owner, 'return', 'returned'],
        [requester, 'complete', 'completed'],
      ] as const) {
        const res = await act(t.url, who, ex.id, action);
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(status);
      }
      const events = await t.ds.query(
        `SELECT type FROM outbox_events WHERE payload->>'exchangeId' = $1 ORDER BY id`,
        [ex.id],
      );
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'exchange.requested',
        'exchange.accepted',
        'exchange.handed_over',
        'exchange.returned',
        'exchange.completed',
      ]);
    });

    it("should refuse auto-accept on a resident's listing, so every request waits for the owner", async () => {
      const refused = await request(t.url)
        .post('/api/v1/listings')
        .set('Authorization', `Bearer ${owner.token}`)
        .send({
          kind: 'lend',
          category: 'tools',
          title: 'Perceuse',
          loanSettings: { autoAccept: true },
        });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('AUTO_ACCEPT_NOT_ALLOWED');
      const listingId = await lend();
      const res = await requestExchange(t.url, requester, listingId, period(2, 1));
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('requested');
      expect(res.body.meetingPointExact).toBe(false);
    });

    it.each([
      ['a loan longer than the maximum', () => period(1, 8), 422, 'LOAN_TOO_LONG'],
      ['a loan without dates', () => ({}), 400, 'VALIDATION_FAILED'],
      ['a start without an end', () => ({ start: period(1, 1).start }), 400, 'VALIDATION_FAILED'],
      [
        'dates that are not dates',
        () => ({ start: 'tomorrow', end: 'later' }),
        400,
        'VALIDATION_FAILED',
      ],
    ])('should refuse %s', async (_name, body, status, code) => {
      const listingId = await lend();
      const res = await requestExchange(t.url, requester, listingId, body());
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    });

    it("should refuse a request for one's own listing", async () => {
      const listingId = await lend();
      const res = await requestExchange(t.url, owner, listingId, period(1, 1));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('SELF_EXCHANGE');
    });

    it('should let pending requests overlap, refuse a request overlapping an agreed loan, and list busy spans', async () => {
      const listingId = await lend();
      const a = await requestExchange(t.url, requester, listingId, period(3, 2));
      const b = await requestExchange(t.url, third, listingId, period(4, 2));
      expect([a.status, b.status]).toEqual([201, 201]);
      expect((await act(t.url, owner, a.body.id, 'accept')).status).toBe(200);
      // Accepting the other now fails cleanly, and a new overlapping request is refused at once.
      const clash = await act(t.url, owner, b.body.id, 'accept');
      expect(clash.status).toBe(409);
      expect(clash.body.error.code).toBe('BOOKING_OVERLAP');
      expect(
        (
          await request(t.url)
            .get(`/api/v1/exchanges/${b.body.id}`)
            .set('Authorization', `Bearer ${third.token}`)
        ).body.status,
      ).toBe('requested');
      const late = await requestExchange(t.url, third, listingId, period(4, 1));
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('BOOKING_OVERLAP');
      // The buffer (2 h) after the first loan is held too.
      const p = period(3, 2);
      const justAfter = new Date(new Date(p.end).getTime() + 3600_000).toISOString();
      const buffered = await requestExchange(t.url, third, listingId, {
        start: justAfter,
        end: new Date(new Date(justAfter).getTime() + 86_400_000).toISOString(),
      });
      expect(buffered.body.error?.code).toBe('BOOKING_OVERLAP');

      const from = new Date().toISOString();
      const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const avail = await request(t.url)
        .get(`/api/v1/listings/${listingId}/availability`)
        .query({ from, to })
        .set('Authorization', `Bearer ${third.token}`);
      expect(avail.status).toBe(200);
      expect(avail.body).toMatchObject({ listingId, maxDays: 7, bufferHours: 2 });
      expect(avail.body.busy).toEqual([
        { start: p.start, end: new Date(new Date(p.end).getTime() + 2 * 3600_000).toISOString() },
      ]);
      expect(JSON.stringify(avail.body)).not.toContain(requester.id);
    });

    it('should never let simultaneous overlapping requests and acceptances produce two agreed loans', async () => {
      const listingId = await lend();
      // 12 neighbours ask for overlapping periods at once…
      const reqs = await Promise.all(
        neighbours.map((n, i) =>
          requestExchange(t.url, n, listingId, period(10 + (i % 3) * 0.5, 2)),
        ),
      );
      expect(reqs.map((r) => r.status)).toEqual(reqs.map(() => 201));
      // …and the owner accepts all of them at once, from many connections.
      const accepts = await Promise.all(reqs.map((r) => act(t.url, owner, r.body.id, 'accept')));
      const winners = accepts.filter((r) => r.status === 200);
      const losers = accepts.filter((r) => r.status !== 200);
      expect(winners).toHaveLength(1);
      for (const l of losers) {
        expect(l.status).toBe(409);
        expect(l.body.error.code).toBe('BOOKING_OVERLAP');
      }
      const agreed = await t.ds.query(
        `SELECT count(*)::int AS n FROM exchanges WHERE listing_id = $1 AND status IN ('accepted', 'handed_over', 'overdue')`,
        [listingId],
      );
      expect(agreed).toEqual([{ n: 1 }]);
    });

    it('should accept non-overlapping loans side by side under concurrency', async () => {
      const listingId = await lend({ loanSettings: { bufferHours: 0 } });
      const reqs = await Promise.all(
        neighbours
          .slice(0, 6)
          .map((n, i) => requestExchange(t.url, n, listingId, period(20 + i, 1))),
      );
      const accepts = await Promise.all(reqs.map((r) => act(t.url, owner, r.body.id, 'accept')));
      expect(accepts.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    });
  });

  describe('permissions', () => {
    /** Each step by owner, requester and a third party, from the state where it applies. */
    const MATRIX: Array<[string, string[], Record<'owner' | 'requester' | 'third', number>]> = [
      ['accept', [], { owner: 200, requester: 403, third: 404 }],
      ['decline', [], { owner: 200, requester: 403, third: 404 }],
      ['cancel', [], { owner: 200, requester: 200, third: 404 }],
      ['handover', ['accept'], { owner: 200, requester: 200, third: 404 }],
      ['return', ['accept', 'handover'], { owner: 200, requester: 403, third: 404 }],
      ['complete', ['accept', 'handover', 'return'], { owner: 200, requester: 200, third: 404 }],
      ['no-show', ['accept'], { owner: 409, requester: 403, third: 404 }],
    ];

    it.each(
      MATRIX.flatMap(([action, before, want]) =>
        (['owner', 'requester', 'third'] as const).map(
          (who) => [action, who, before, want[who]] as const,
        ),
      ),
    )('should answer %s by the %s', async (action, who, before, status) => {
      const listingId = await lend();
      const ex = (await requestExchange(t.url, requester, listingId, period(30, 1)))
        .body as ExchangeView;
      for (const step of before)
        await act(t.url, step === 'handover' ? requester : owner, ex.id, step).expect(200);
      const actor = { owner, requester, third }[who];
      const res = await act(t.url, actor, ex.id, action);
      expect(res.status).toBe(status);
      if (status === 403) expect(res.body.error.code).toBe('FORBIDDEN');
      if (status === 404) expect(res.body.error.code).toBe('EXCHANGE_NOT_FOUND');
    });

    it('should refuse steps out of order with INVALID_TRANSITION', async () => {
      const listingId = await lend();
      const ex = (await requestExchange(t.url, requester, listingId, period(31, 1)))
        .body as ExchangeView;
      for (const action of ['return', 'complete', 'handover']) {
        const res = await act(t.url, owner, ex.id, action);
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('INVALID_TRANSITION');
      }
      await act(t.url, owner, ex.id, 'decline').expect(200);
      expect((await act(t.url, owner, ex.id, 'accept')).body.error.code).toBe('INVALID_TRANSITION');
    });

    it('should offer a no-show exactly when the API records one: once the loan has started', async () => {
      const later = (await requestExchange(t.url, requester, await lend(), period(33, 1)))
        .body as ExchangeView;
      const waiting = (await act(t.url, owner, later.id, 'accept').expect(200))
        .body as ExchangeView;
      expect(waiting.nextActions).toEqual(['handover', 'cancel']);
      expect((await act(t.url, owner, later.id, 'no-show')).body.error.code).toBe(
        'INVALID_TRANSITION',
      );

      // A loan that started five minutes ago (a request made on the doorstep).
      const start = new Date(Date.now() - 5 * 60_000);
      const doorstep = (
        await requestExchange(t.url, requester, await lend(), {
          start: start.toISOString(),
          end: new Date(start.getTime() + 86_400_000).toISOString(),
        })
      ).body as ExchangeView;
      const started = (await act(t.url, owner, doorstep.id, 'accept').expect(200))
        .body as ExchangeView;
      expect(started.nextActions).toEqual(['handover', 'no_show', 'cancel']);
      expect((await act(t.url, owner, doorstep.id, 'no-show').expect(200)).body.status).toBe(
        'no_show',
      );
    });

    it('should hide exchanges from third parties in lists and reads', async () => {
      const listingId = await lend();
      const ex = (await requestExchange(t.url, requester, listingId, period(32, 1)))
        .body as ExchangeView;
      const mine = await request(t.url)
        .get('/api/v1/exchanges')
        .query({ role: 'requester' })
        .set('Authorization', `Bearer ${requester.token}`);
      expect(mine.body.items.map((e: ExchangeView) => e.id)).toContain(ex.id);
      const owned = await request(t.url)
        .get('/api/v1/exchanges')
        .query({ role: 'owner' })
        .set('Authorization', `Bearer ${owner.token}`);
      expect(owned.body.items.map((e: ExchangeView) => e.id)).toContain(ex.id);
      const theirs = await request(t.url)
        .get('/api/v1/exchanges')
        .set('Authorization', `Bearer ${third.token}`);
      expect(theirs.body.items.map((e: ExchangeView) => e.id)).not.toContain(ex.id);
      expect(
        (
          await request(t.url)
            .get(`/api/v1/exchanges/${ex.id}`)
            .set('Authorization', `Bearer ${third.token}`)
        ).status,
      ).toBe(404);
    });
  });

  describe('exact address', () => {
    it('should show the approximate point before acceptance, the exact one to the parties from 48 h before the loan while held, and withdraw it after', async () => {
      const listingId = await lend();
      // Starts in 24 h: inside the 48 h window once accepted (tests of the window: privacy-attacks).
      const ex = (await requestExchange(t.url, requester, listingId, period(1, 1)))
        .body as ExchangeView;
      const exactText = [String(owner.home.lat), String(owner.home.lng)];
      const view = async (who: TestUser) =>
        (
          await request(t.url)
            .get(`/api/v1/exchanges/${ex.id}`)
            .set('Authorization', `Bearer ${who.token}`)
        ).body as ExchangeView;

      let v = await view(requester);
      expect(v.meetingPointExact).toBe(false);
      expect(haversineMetres(v.meetingPoint, owner.home)).toBeGreaterThan(100);
      for (const s of exactText) expect(JSON.stringify(v)).not.toContain(s);

      await act(t.url, owner, ex.id, 'accept').expect(200);
      for (const who of [requester, owner]) {
        v = await view(who);
        expect(v.meetingPointExact).toBe(true);
        expect(v.meetingPoint).toEqual(owner.home);
      }
      expect(
        (
          await request(t.url)
            .get(`/api/v1/exchanges/${ex.id}`)
            .set('Authorization', `Bearer ${third.token}`)
        ).status,
      ).toBe(404);
      // The exact point stays out of the listing, search and the third party's lists.
      const listing = await request(t.url)
        .get(`/api/v1/listings/${listingId}`)
        .set('Authorization', `Bearer ${requester.token}`);
      for (const s of exactText) expect(JSON.stringify(listing.body)).not.toContain(s);

      await act(t.url, requester, ex.id, 'handover').expect(200);
      expect((await view(requester)).meetingPointExact).toBe(true);
      await act(t.url, owner, ex.id, 'return').expect(200);
      v = await view(requester);
      expect(v.meetingPointExact).toBe(false);
      for (const s of exactText) expect(JSON.stringify(v)).not.toContain(s);
    });
  });

  describe('gifts, swaps and answers', () => {
    it('should let several neighbours ask for a gift, the giver choose one, the others be declined, and the item be given', async () => {
      const listingId = await createListing(t.url, owner, {
        kind: 'give',
        category: 'furniture',
        title: 'Commode',
      });
      const asks = await Promise.all(
        neighbours
          .slice(0, 4)
          .map((n) => requestExchange(t.url, n, listingId, { message: 'Je suis intéressé' })),
      );
      expect(asks.map((a) => a.status)).toEqual([201, 201, 201, 201]);
      expect((await requestExchange(t.url, neighbours[0]!, listingId)).body.error.code).toBe(
        'ALREADY_REQUESTED',
      );
      const chosen = asks[1]!.body as ExchangeView;
      await act(t.url, owner, chosen.id, 'accept').expect(200);
      const statuses = await t.ds.query(`SELECT id, status FROM exchanges WHERE listing_id = $1`, [
        listingId,
      ]);
      for (const row of statuses)
        expect(row.status).toBe(row.id === chosen.id ? 'accepted' : 'declined');
      const taken = await t.ds.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'exchange.declined' AND payload->>'reason' = 'taken' AND payload->>'exchangeId' = ANY($1)`,
        [asks.map((a) => a.body.id)],
      );
      expect(taken).toEqual([{ n: 3 }]);
      expect(
        (
          await request(t.url)
            .get(`/api/v1/listings/${listingId}`)
            .set('Authorization', `Bearer ${owner.token}`)
        ).body.status,
      ).toBe('reserved');
      // Nobody else can ask while it is promised.
      expect((await requestExchange(t.url, third, listingId)).body.error.code).toBe(
        'LISTING_UNAVAILABLE',
      );
      await act(t.url, owner, chosen.id, 'handover').expect(200);
      expect(
        (
          await request(t.url)
            .get(`/api/v1/listings/${listingId}`)
            .set('Authorization', `Bearer ${owner.token}`)
        ).body.status,
      ).toBe('given');
      await act(t.url, neighbours[1]!, chosen.id, 'complete').expect(200);
    });

    it('should accept only one of two gift requests accepted at the same time', async () => {
      const listingId = await createListing(t.url, owner, {
        kind: 'give',
        category: 'kids',
        title: 'Poussette',
      });
      const asks = await Promise.all(
        neighbours.slice(4, 10).map((n) => requestExchange(t.url, n, listingId)),
      );
      const accepts = await Promise.all(asks.map((a) => act(t.url, owner, a.body.id, 'accept')));
      expect(accepts.filter((a) => a.status === 200)).toHaveLength(1);
      for (const a of accepts.filter((x) => x.status !== 200))
        expect(['LISTING_UNAVAILABLE', 'INVALID_TRANSITION']).toContain(a.body.error.code);
    });

    it('should swap two listings: both change status on completion', async () => {
      const wanted = await createListing(t.url, owner, {
        kind: 'barter',
        category: 'books-media',
        title: 'BD à échanger',
      });
      const mine = await createListing(t.url, requester, {
        kind: 'barter',
        category: 'books-media',
        title: 'Romans',
      });
      expect((await requestExchange(t.url, requester, wanted, {})).body.error.details[0].path).toBe(
        'offeredItem',
      );
      const notMine = await createListing(t.url, third, {
        kind: 'give',
        category: 'books-media',
        title: 'Pas à moi',
      });
      expect(
        (await requestExchange(t.url, requester, wanted, { offeredListingId: notMine })).status,
      ).toBe(400);
      const ex = (await requestExchange(t.url, requester, wanted, { offeredListingId: mine }))
        .body as ExchangeView;
      expect(ex).toMatchObject({ kind: 'swap', offeredListingId: mine });
      for (const [who, step] of [
        [owner, 'accept'],
        [owner, 'handover'],
        [requester, 'complete'],
      ] as const)
        await act(t.url, who, ex.id, step).expect(200);
      const rows = await t.ds.query(
        `SELECT id, status FROM listings WHERE id = ANY($1) ORDER BY title`,
        [[wanted, mine]],
      );
      expect(rows.map((r: { status: string }) => r.status)).toEqual(['swapped', 'swapped']);
    });

    it('should answer a wanted post with one of my listings and mark the post fulfilled', async () => {
      const post = await createListing(t.url, owner, {
        kind: 'wanted',
        category: 'tools',
        title: 'Cherche scie circulaire',
      });
      const saw = await createListing(t.url, requester, {
        kind: 'lend',
        category: 'tools',
        title: 'Scie circulaire',
      });
      expect((await requestExchange(t.url, requester, post, {})).body.error.details[0].path).toBe(
        'offeredListingId',
      );
      const ex = (
        await requestExchange(t.url, requester, post, {
          offeredListingId: saw,
          message: 'J’en ai une',
        })
      ).body as ExchangeView;
      expect(ex.kind).toBe('answer');
      for (const [who, step] of [
        [owner, 'accept'],
        [requester, 'handover'],
        [owner, 'complete'],
      ] as const)
        await act(t.url, who, ex.id, step).expect(200);
      expect(
        (
          await request(t.url)
            .get(`/api/v1/listings/${post}`)
            .set('Authorization', `Bearer ${owner.token}`)
        ).body.status,
      ).toBe('fulfilled');
    });
  });
});
