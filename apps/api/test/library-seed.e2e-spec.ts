import request from 'supertest';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { seedDemoLibrary } from '../src/database/seed/demo-library';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seed/demo-seed';
import { type TestApp, startTestApp } from './test-context';

describe(seedDemoLibrary.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.ds, t.config);
    await seedDemo(t.ds, t.config); // idempotent
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should give each demo town hall a bricothèque with a dozen items and loan history, and Dinan an assisted resident', async () => {
    for (const town of DEMO_TOWNS) {
      const login = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email: `mairie@${town.slug}.demo.partagora.fr`, password: DEMO_PASSWORD })
        .expect(200);
      const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
      const libs = await request(t.url)
        .get(`/api/v1/municipalities/${town.slug}/libraries`)
        .set(auth)
        .expect(200);
      expect(libs.body.items).toHaveLength(1);
      const lib = libs.body.items[0];
      expect(lib).toMatchObject({ kind: 'town_hall', itemCount: 12, canManage: true });
      expect(lib.slots).toHaveLength(2);
      const statuses = await t.ds.query<Array<{ status: string; n: number }>>(
        `SELECT e.status, count(*)::int AS n FROM exchanges e JOIN listings l ON l.id = e.listing_id
          WHERE l.owner_organisation_id = $1 GROUP BY e.status`,
        [lib.organisationId],
      );
      const by = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
      expect(by.completed).toBeGreaterThanOrEqual(3);
      expect(by.overdue).toBe(1);
      expect(by.handed_over).toBe(1);
      const desk = await request(t.url)
        .get(`/api/v1/organisations/${lib.organisationId}/desk`)
        .set(auth)
        .expect(200);
      expect(desk.body.overdue).toHaveLength(1);
      const assisted = await request(t.url)
        .get(`/api/v1/municipalities/${town.slug}/assisted-residents`)
        .set(auth)
        .expect(200);
      expect(assisted.body.items).toHaveLength(town.slug === 'dinan' ? 1 : 0);
    }
  });
});
