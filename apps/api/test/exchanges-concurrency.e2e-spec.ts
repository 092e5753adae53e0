import { destination } from '@partagora/geo';
import { act, createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/**
 * Twenty acceptances at the same instant on one listing, ten times over: the database settles who
 * wins (one lock order, the exclusion constraint as the guarantee), and nobody ever sees a 500.
 */
describe('loan acceptances under concurrency', () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  const neighbours: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Prêteuse');
    for (let i = 0; i < 20; i++)
      neighbours.push(
        await registerUser(t.url, town, destination(town.centre, i * 18, 900), `Voisin ${i}`),
      );
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('should let exactly one request per overlapping slot win, 20 at once, 10 times', async () => {
    for (let round = 0; round < 10; round++) {
      const listingId = await createListing(t.url, owner, {
        kind: 'lend',
        category: 'tools',
        title: `Perceuse ${round}`,
        loanSettings: { maxDays: 7, bufferHours: 0 },
      });
      // Five disjoint slots of two days, four neighbours asking for each with a small shift.
      const reqs = await Promise.all(
        neighbours.map((n, i) => {
          const slot = i % 5;
          const shift = Math.floor(i / 5) * 0.25;
          return requestExchange(t.url, n, listingId, period(5 + slot * 3 + shift, 1.5));
        }),
      );
      expect(reqs.map((r) => r.status)).toEqual(reqs.map(() => 201));

      const accepts = await Promise.all(
        reqs.map((r) => act(t.url, owner, r.body.id as string, 'accept')),
      );
      const statuses = accepts.map((a) => a.status);
      expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
      for (const a of accepts.filter((x) => x.status === 409)) {
        expect(a.body.error.code).toBe('BOOKING_OVERLAP');
        expect(typeof a.body.error.requestId).toBe('string');
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);

      // The database agrees: five agreed loans, one per slot, none overlapping.
      const agreed = await t.ds.query<Array<{ slot: number }>>(
        `SELECT floor(extract(epoch FROM lower(period) - now()) / 86400 / 3)::int AS slot
           FROM exchanges WHERE listing_id = $1 AND status = 'accepted' ORDER BY 1`,
        [listingId],
      );
      expect(agreed.map((a) => a.slot)).toEqual([1, 2, 3, 4, 5]);
      const overlaps = await t.ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM exchanges a JOIN exchanges b
            ON a.listing_id = b.listing_id AND a.id < b.id AND a.held && b.held
         WHERE a.listing_id = $1 AND a.status = 'accepted' AND b.status = 'accepted'`,
        [listingId],
      );
      expect(overlaps).toEqual([{ n: 0 }]);
    }
  }, 120_000);
});
