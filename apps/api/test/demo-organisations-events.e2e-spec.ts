import request from 'supertest';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { seedDemoOrganisationsEvents } from '../src/database/seed/demo-organisations-events';
import { seedDemo } from '../src/database/seed/demo-seed';
import { type TestApp, startTestApp } from './test-context';

describe(seedDemoOrganisationsEvents.name, () => {
  let t: TestApp;
  let eventsAfterFirst: number;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.ds, t.config);
    [{ n: eventsAfterFirst }] = await t.ds.query(`SELECT count(*)::int AS n FROM events`);
    // Seeding again adds nothing.
    await seedDemo(t.ds, t.config);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should give each demo town a town hall with hours, shops and associations, and a month of events', async () => {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM events`);
    expect(n).toBe(eventsAfterFirst);
    for (const town of DEMO_TOWNS) {
      const orgs = await request(t.url)
        .get(`/api/v1/municipalities/${town.slug}/organisations`)
        .expect(200);
      const items = orgs.body.items as Array<{
        kind: string;
        openingHours: unknown;
        address: string;
      }>;
      expect(items[0]).toMatchObject({ kind: 'town_hall', openingHours: expect.any(Object) });
      expect(items[0]!.address).toContain(town.name);
      expect(items.filter((o) => o.kind !== 'town_hall').length).toBeGreaterThanOrEqual(3);
      const [{ pending }] = await t.ds.query(
        `SELECT count(*)::int AS pending FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
          WHERE m.slug = $1 AND o.status = 'pending'`,
        [town.slug],
      );
      expect(pending).toBe(1);

      const agenda = await request(t.url)
        .get(`/api/v1/municipalities/${town.slug}/events?limit=100`)
        .expect(200);
      const own = (
        agenda.body.items as Array<{
          partner: unknown;
          startsAt: string;
          capacity: number | null;
          going: number;
          waiting: number;
        }>
      ).filter((e) => e.partner === null);
      expect(own.length).toBeGreaterThanOrEqual(6);
      expect(own.length).toBeLessThanOrEqual(10);
      const monthAhead = Date.now() + 31 * 86_400_000;
      for (const e of own) expect(new Date(e.startsAt).getTime()).toBeLessThan(monthAhead);
      expect(own.some((e) => e.capacity !== null && e.going === e.capacity && e.waiting > 0)).toBe(
        true,
      );
      expect(own.some((e) => e.capacity === null)).toBe(true);
    }
    const drift = await t.ds.query(
      `SELECT e.id FROM events e WHERE e.going_count <>
         (SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going')`,
    );
    expect(drift).toEqual([]);
  });
});
